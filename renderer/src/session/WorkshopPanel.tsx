import { AgendaBar } from './AgendaBar';

/** The workshop's agenda and the tools of the active block, above the board. */
export function WorkshopPanel() {
  return <AgendaBar />;
}
