import type { TFunction } from 'i18next';
import type { Lane } from '../../../core/model';

/** A lane's shown name: the facilitator's own, else the default name of its kind in the UI language. */
export function laneName(lane: Lane, t: TFunction): string {
  return lane.title ?? t(`lane.${lane.kind}`);
}
