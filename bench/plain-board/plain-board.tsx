/**
 * The plain baseline of issue #18: a minimal dnd-kit multi-container board (useSortable per card, one
 * SortableContext per lane, title-only cards) that the board bench builds and measures beside the app.
 * docs/performance.md, "The plain dnd-kit board".
 */
import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createDemoSession } from '../../core/demo';

type Lanes = Record<string, string[]>;

// The app's demo board (same lanes, ids and titles), so both pages draw the same 1,000 cards.
const cardCount = Number(new URLSearchParams(location.search).get('cards') ?? '1000');
const demo = createDemoSession(cardCount);
const titles = new Map(Object.values(demo.cards).map((card) => [card.id, card.title]));
const initialLanes: Lanes = Object.fromEntries(demo.laneOrder.map((laneId) => [laneId, [...(demo.lanes[laneId]?.cardIds ?? [])]]));

function SortableCard({ id }: { id: string }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id });
  return (
    <li
      ref={setNodeRef}
      className="card"
      data-card-id={id}
      data-dragging={isDragging ? 'true' : undefined}
      style={{ transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.4 : 1 }}
      {...attributes}
      {...listeners}
    >
      {titles.get(id)}
    </li>
  );
}

function Lane({ id, cardIds }: { id: string; cardIds: string[] }) {
  const { setNodeRef } = useDroppable({ id });
  return (
    <section className="lane" data-lane-id={id}>
      <h2>{id}</h2>
      <SortableContext id={id} items={cardIds} strategy={verticalListSortingStrategy}>
        <ul ref={setNodeRef} className="cards">
          {cardIds.map((cardId) => (
            <SortableCard key={cardId} id={cardId} />
          ))}
        </ul>
      </SortableContext>
    </section>
  );
}

function PlainBoard() {
  const [lanes, setLanes] = useState(initialLanes);
  const [activeId, setActiveId] = useState<UniqueIdentifier | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const laneOf = (id: UniqueIdentifier) => (String(id) in lanes ? String(id) : Object.keys(lanes).find((lane) => lanes[lane]?.includes(String(id))));

  // dnd-kit's multiple-containers pattern: a card changes lanes while dragged, reorders on drop.
  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (!over) return;
    const from = laneOf(active.id);
    const to = laneOf(over.id);
    if (!from || !to || from === to) return;
    setLanes((current) => {
      const source = current[from] ?? [];
      const target = current[to] ?? [];
      const overIndex = target.indexOf(String(over.id));
      const translated = active.rect.current.translated;
      const below = translated !== null && translated.top > over.rect.top + over.rect.height;
      const index = overIndex >= 0 ? overIndex + (below ? 1 : 0) : target.length;
      return {
        ...current,
        [from]: source.filter((id) => id !== active.id),
        [to]: [...target.slice(0, index), String(active.id), ...target.slice(index)],
      };
    });
  };
  const onDragStart = ({ active }: DragStartEvent) => setActiveId(active.id);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setActiveId(null);
    if (!over) return;
    const lane = laneOf(active.id);
    if (!lane || lane !== laneOf(over.id)) return;
    setLanes((current) => {
      const ids = current[lane] ?? [];
      const from = ids.indexOf(String(active.id));
      const to = ids.indexOf(String(over.id));
      return from === to || to < 0 ? current : { ...current, [lane]: arrayMove(ids, from, to) };
    });
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={() => setActiveId(null)}
    >
      <main className="board">
        {Object.entries(lanes).map(([id, cardIds]) => (
          <Lane key={id} id={id} cardIds={cardIds} />
        ))}
      </main>
      <DragOverlay>{activeId === null ? null : <div className="card card--overlay">{titles.get(String(activeId))}</div>}</DragOverlay>
    </DndContext>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<PlainBoard />);
