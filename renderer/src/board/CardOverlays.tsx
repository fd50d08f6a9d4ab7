import { useWorkshopUi } from '../store/workshop-store';
import { CardDetailsDialog } from './CardDetailsDialog';
import { MoveReasonPrompt } from './MoveReasonPrompt';

/** What opens over the board for one card: its details dialog and the "why did it move?" prompt. */
export function CardOverlays() {
  const detailsId = useWorkshopUi((s) => s.cardDetailsId);
  return (
    <>
      {detailsId !== null && <CardDetailsDialog key={detailsId} cardId={detailsId} />}
      <MoveReasonPrompt />
    </>
  );
}
