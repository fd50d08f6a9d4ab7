/**
 * Argument schemas for every API verb. Main validates each call against these before a handler
 * runs: the renderer is untrusted input. Kept apart from api.ts so the renderer and preload,
 * which need only the types and verb names, do not bundle the validation library.
 */
import { z } from 'zod';
import { languages, sessionTemplates, themes, type ApiVerb, type NahtstelleApi } from './api';
import { sessionDetailsSchema, sessionSchema } from './session-schema';

const language = z.enum(languages);
const path = z.string().min(1).max(4096);
const title = z.string().max(1000);

type ArgsSchemas = { readonly [V in ApiVerb]: z.ZodType<Parameters<NahtstelleApi[V]>> };

export const apiArgs = {
  getStartupState: z.tuple([]),
  setLanguage: z.tuple([language.nullable()]),
  setTheme: z.tuple([z.enum(themes)]),
  chooseSessionsFolder: z.tuple([z.boolean()]),
  listSessions: z.tuple([]),
  createSession: z.tuple([sessionDetailsSchema.partial(), z.enum(sessionTemplates)]),
  openSession: z.tuple([path]),
  openBackup: z.tuple([path]),
  openSessionFromDisk: z.tuple([]),
  closeSession: z.tuple([]),
  saveSession: z.tuple([path, sessionSchema]),
  saveSessionAs: z.tuple([sessionSchema]),
  duplicateSession: z.tuple([path]),
  renameSession: z.tuple([path, title]),
  deleteSession: z.tuple([path]),
  revealSession: z.tuple([path]),
} satisfies ArgsSchemas;
