/**
 * Whether a render is the first frame main puts into the page: a picture, inert, that no pointer
 * and no focus reach. docs/ARCHITECTURE.md, "The first frame".
 */
import { createContext } from 'react';

/** True in the first frame's render: what shows only on hover or focus is left out of it. */
export const InFirstFrame = createContext(false);
