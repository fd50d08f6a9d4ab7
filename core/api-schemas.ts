/**
 * Argument schemas for every API verb. Main validates each call against these before a handler
 * runs: the renderer is untrusted input. Kept apart from api.ts so the renderer and preload,
 * which need only the types and verb names, do not bundle the validation library.
 */
import { z } from 'zod';
import { languages, type ApiVerb, type NahtstelleApi } from './api';

const language = z.enum(languages);

type ArgsSchemas = { readonly [V in ApiVerb]: z.ZodType<Parameters<NahtstelleApi[V]>> };

export const apiArgs = {
  getStartupState: z.tuple([]),
  setLanguage: z.tuple([language.nullable()]),
} satisfies ArgsSchemas;
