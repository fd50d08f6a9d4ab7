/**
 * The zod schema of every API verb's arguments, which main checks before a handler runs.
 * docs/ARCHITECTURE.md, "The API across the process boundary".
 */
import { z } from 'zod';
import { audienceThemes, zoomLimits } from './audience';
import { boardViews } from './block-view';
import { builtInTemplates, exportKinds, languages, themes, windowZoomLimits, type ApiVerb, type NahtstelleApi } from './api';
import { agendaBlockSchema, cardSchema, sessionDetailsSchema, sessionLimits, sessionSchema, sessionStructureSchema } from './session-schema';
import { blockKinds } from './agenda';
import { cardKinds, laneKinds } from './model';
import { roomRefusals, type RoomAnswer } from './room';
import { savedSessionSchema } from './session-save-check';
import { roomLimits } from './room-protocol';
import type { PhoneViews } from './api';
import { summarySections } from './summary-text';
import { templateLimits, type AgendaTemplate, type TemplateBlock } from './templates';

const language = z.enum(languages);
const path = z.string().min(1).max(4096);
const title = z.string().max(1000);

const templateId = z.string().min(1).max(templateLimits.idLength);
const templateName = z
  .string()
  .max(1000)
  .refine((name) => name.trim() !== '', { error: 'A template needs a name' });

/** A block of an own template: an agenda block without its id. */
export const templateBlockSchema = agendaBlockSchema.omit({ id: true });

const templateBlocks = z.array(templateBlockSchema).min(1).max(templateLimits.blocks);

/**
 * An own template as main stores it. Read back from the preferences file with this schema, one
 * template at a time: a hand-edited or damaged entry is dropped, the others stay.
 */
export const agendaTemplateSchema = z.object({
  id: templateId,
  name: z.string().min(1).max(templateLimits.nameLength),
  blocks: templateBlocks,
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
type DeepMutable<T> = T extends readonly (infer U)[] ? DeepMutable<U>[] : T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;
export const templateSchemaMatchesModel: Same<z.infer<typeof agendaTemplateSchema>, DeepMutable<AgendaTemplate>> = true;
export const templateBlockSchemaMatchesModel: Same<z.infer<typeof templateBlockSchema>, DeepMutable<TemplateBlock>> = true;

const sessionTemplate = z.union([z.enum(builtInTemplates), z.object({ kind: z.literal('own'), id: templateId }).strict()]);

/** What to export and how: each section at most once (the summary shows each once anyway). */
const exportRequest = z
  .object({
    kind: z.enum(exportKinds),
    sections: z
      .array(z.enum(summarySections))
      .max(summarySections.length)
      .refine((sections) => new Set(sections).size === sections.length, { error: 'A section is listed twice' }),
    csvDelimiter: z.enum([',', ';']),
    csvTable: z.enum(['cards', 'actions']).optional(),
    withNotes: z.boolean().optional(),
    fallbackLanguage: language,
  })
  .strict();

/** How phones join, on the projector: an http URL of the room server, never anything else. */
const roomJoinSchema = z
  .object({
    joinUrl: z
      .string()
      .max(200)
      .regex(/^http:\/\/[0-9.]+:[0-9]+\/j#k=[A-Za-z0-9_-]+$/),
    url: z
      .string()
      .max(100)
      .regex(/^http:\/\/[0-9.]+:[0-9]+$/),
    code: z.string().min(1).max(16),
    joined: z.number().int().min(0).max(1000),
  })
  .strict();

/**
 * What the audience window is to show. Checked again in main, not trusted to the control window's
 * projection alone: a view that still carries a hidden caricature or hidden votes is refused.
 */
export const audienceViewSchema = z
  .object({
    session: sessionSchema,
    spotlightCardId: z.string().max(200).nullable(),
    zoom: z.union([z.number().min(zoomLimits.min).max(zoomLimits.max), z.literal('fit')]),
    boardView: z.enum(boardViews),
    scrolledTo: z
      .record(z.string().max(200), z.string().max(200))
      .refine((entries) => Object.keys(entries).length <= 100, { error: 'Too many lists' }),
    language: language,
    theme: z.enum(audienceThemes),
    join: roomJoinSchema.optional(),
  })
  .strict()
  .refine(({ session }) => session.caricaturesRevealed || Object.values(session.cards).every((card) => card.kind !== 'caricature'), {
    error: 'The view shows a hidden caricature',
  })
  .refine(({ session }) => session.voting.revealed || Object.values(session.cards).every((card) => Object.keys(card.votes).length === 0), {
    error: 'The view shows hidden votes',
  })
  .refine(({ session, spotlightCardId }) => spotlightCardId === null || Object.hasOwn(session.cards, spotlightCardId), {
    error: 'The spotlight is on a card the view does not show',
  })
  .refine(({ session, scrolledTo }) => Object.values(scrolledTo).every((cardId) => Object.hasOwn(session.cards, cardId)), {
    error: 'A scroll position names a card the view does not show',
  });

const id = z.string().min(1).max(200);
const phoneCardSchema = z.object({ id, title: cardSchema.shape.title, kind: z.enum(cardKinds), dots: z.number().int().min(0).optional() }).strict();

/**
 * What the phones are to show, checked in main like the audience view: a board with a hidden
 * caricature or unrevealed dots is refused, and a phone's own part is bounded.
 */
export const phoneViewsSchema = z
  .object({
    board: z
      .object({
        sessionTitle: z.string().max(1000),
        block: z
          .object({ kind: z.enum(blockKinds), title: z.string().max(1000).nullable() })
          .strict()
          .nullable(),
        mission: z.string().max(20_000),
        lanes: z
          .array(
            z
              .object({
                id,
                kind: z.enum(laneKinds),
                title: z.string().max(1000).nullable(),
                cards: z.array(phoneCardSchema).max(sessionLimits.cards),
              })
              .strict(),
          )
          .max(100),
        caricaturesRevealed: z.boolean(),
        votesRevealed: z.boolean(),
      })
      .strict()
      .refine(
        ({ lanes, caricaturesRevealed }) => caricaturesRevealed || lanes.every((lane) => lane.cards.every((card) => card.kind !== 'caricature')),
        {
          error: 'The phones would see a hidden caricature',
        },
      )
      .refine(({ lanes, votesRevealed }) => votesRevealed || lanes.every((lane) => lane.cards.every((card) => card.dots === undefined)), {
        error: 'The phones would see hidden dots',
      }),
    personal: z
      .record(
        id,
        z
          .object({
            mine: z.array(z.object({ id, title: cardSchema.shape.title }).strict()).max(sessionLimits.cards),
            can: z.object({ topics: z.boolean(), caricatures: z.boolean() }).strict(),
            dots: z
              .object({ left: z.number().int().min(0), mine: z.record(id, z.number().int().min(1)) })
              .strict()
              .nullable(),
          })
          .strict(),
      )
      .refine((personal) => Object.keys(personal).length <= roomLimits.participants, { error: 'More phones than may join' }),
  })
  .strict();

const roomAnswerSchema = z.union([
  z.object({ ok: z.literal(true), wrote: id.optional(), withdrew: id.optional() }).strict(),
  z.object({ ok: z.literal(false), refusal: z.enum(roomRefusals) }).strict(),
]);

/**
 * Changes to a saved version (core/session-changes.ts): the session's structure with its changed
 * cards checked here; the integrity of the whole session can only be checked once main has merged it.
 */
const sessionChangesSchema = z
  .object({
    base: z.string().min(1).max(100),
    session: sessionStructureSchema,
    removedCards: z.array(z.string().max(1000)).max(sessionLimits.cards),
  })
  .strict();

type ArgsSchemas = { readonly [V in ApiVerb]: z.ZodType<Parameters<NahtstelleApi[V]>> };

export const apiArgs = {
  getStartupState: z.tuple([]),
  setLanguage: z.tuple([language.nullable()]),
  setTheme: z.tuple([z.enum(themes)]),
  setTimerSound: z.tuple([z.boolean()]),
  setWorkshopPanelExpanded: z.tuple([z.boolean()]),
  setWindowZoom: z.tuple([z.number().min(windowZoomLimits.min).max(windowZoomLimits.max)]),
  chooseSessionsFolder: z.tuple([z.boolean()]),
  listSessions: z.tuple([]),
  createSession: z.tuple([sessionDetailsSchema.partial(), sessionTemplate]),
  openSession: z.tuple([path]),
  openBackup: z.tuple([path]),
  openSessionFromDisk: z.tuple([]),
  closeSession: z.tuple([]),
  // The save verbs re-check only cards that changed since the last save (session-save-check.ts).
  saveSession: z.tuple([path, savedSessionSchema]),
  // The shape only: main checks the session the changes give with savedSessionSchema (handlers.ts).
  saveSessionChanges: z.tuple([path, sessionChangesSchema]),
  saveSessionAs: z.tuple([savedSessionSchema]),
  duplicateSession: z.tuple([path]),
  renameSession: z.tuple([path, title]),
  deleteSession: z.tuple([path]),
  revealSession: z.tuple([path]),
  listTemplates: z.tuple([]),
  saveTemplate: z.tuple([templateName, templateBlocks]),
  deleteTemplate: z.tuple([templateId]),
  exportSession: z.tuple([sessionSchema, exportRequest, path.nullable()]),
  revealExport: z.tuple([path]),
  setFullScreen: z.tuple([z.boolean()]),
  openAudienceWindow: z.tuple([]),
  closeAudienceWindow: z.tuple([]),
  showAudienceView: z.tuple([audienceViewSchema]),
  listRoomAddresses: z.tuple([]),
  startRoom: z.tuple([z.ipv4()]),
  stopRoom: z.tuple([]),
  setRoomJoining: z.tuple([z.boolean()]),
  newRoomCode: z.tuple([]),
  endRoom: z.tuple([]),
  removeRoomParticipant: z.tuple([id]),
  answerRoomCommands: z.tuple([z.array(z.object({ requestId: id, answer: roomAnswerSchema }).strict()).max(roomLimits.participants * 4)]),
  showPhoneViews: z.tuple([phoneViewsSchema]),
} satisfies ArgsSchemas;

export const phoneViewsSchemaMatchesApi: Same<z.infer<typeof phoneViewsSchema>, DeepMutable<PhoneViews>> = true;
export const roomAnswerSchemaMatchesModel: Same<z.infer<typeof roomAnswerSchema>, DeepMutable<RoomAnswer>> = true;
