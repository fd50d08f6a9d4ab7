/**
 * Schemas for what a phone sends the room server (core/room-protocol.ts): the server validates
 * every message against them, the phone is untrusted input. Apart from room-protocol.ts so the
 * phone app does not bundle the validation library. docs/ARCHITECTURE.md, "Phones in the room".
 */
import { z } from 'zod';
import { departments } from './model';
import { roomLimits, type PhoneMessage } from './room-protocol';

/** Secrets, tokens and message ids: URL-safe characters only, bounded. */
const opaque = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/);
const title = z.string().max(roomLimits.titleLength);
const id = opaque(roomLimits.messageIdLength);
const cardId = opaque(64);

const joinSchema = z
  .strictObject({
    type: z.literal('join'),
    secret: opaque(64).optional(),
    // Typed by hand: a space or a dash between the halves is allowed, and compared without them.
    code: z.string().min(1).max(16).optional(),
    token: opaque(64).optional(),
    name: z.string().max(roomLimits.nameLength),
    side: z.enum(departments),
  })
  .refine((join) => join.secret !== undefined || join.code !== undefined || join.token !== undefined, {
    error: 'A join needs the room secret, the code or a device token',
  });

export const phoneMessageSchema = z.union([
  joinSchema,
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('addTopic'), id, title }),
    z.strictObject({ type: z.literal('addCaricature'), id, title }),
    z.strictObject({ type: z.literal('editCaricature'), id, cardId, title }),
    z.strictObject({ type: z.literal('withdrawCaricature'), id, cardId }),
    z.strictObject({ type: z.literal('vote'), id, cardId, delta: z.union([z.literal(1), z.literal(-1)]) }),
  ]),
]);

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
type DeepMutable<T> = T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;
/** Fails to compile when the schema and the protocol's types drift apart. */
export const phoneSchemaMatchesProtocol: Same<z.infer<typeof phoneMessageSchema>, DeepMutable<PhoneMessage>> = true;
