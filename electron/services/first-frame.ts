/**
 * The control page with its first frame in it, as main and the web test host serve it. Plain Node.
 * docs/ARCHITECTURE.md, "The first frame".
 */
import { pathToFileURL } from 'node:url';
import type { StartupState } from '../../core/api';
import type { AudienceTheme } from '../../core/audience';
import { pageWithFirstFrame, type FirstFrame, type RenderFirstFrame } from '../../core/first-frame';

export interface FirstFrameOptions {
  /** The built render (out/first-frame/index.js), loaded once, as soon as this is created. */
  readonly renderFile: string;
  /** The startup state the page will ask for (MainHandlers.prepareStartupState): asked once as this is created, for the first page, then once per page served. */
  readonly prepareStartupState: () => Promise<StartupState>;
  /** Whether that state is still the one the page will get (MainHandlers.isStillPrepared): a file opened meanwhile drops it. */
  readonly isStillPrepared: (startup: Promise<StartupState>) => boolean;
  /** The window's inner height in CSS pixels (for the first page, before its window exists: the one it will have). */
  readonly viewportHeight: () => number;
  /** The theme the page will show for the startup state's preference. */
  readonly shownTheme: (startup: StartupState) => AudienceTheme;
  /** Where a render that failed is told: the page is then served without a first frame. */
  readonly report: (error: unknown) => void;
}

/** The control page as served: `page` (the built index.html) with the first frame for this load's startup state. */
export type ControlPage = (page: string) => Promise<string>;

export function firstFramePages(options: FirstFrameOptions): ControlPage {
  const render = loadRenderFirstFrame(options.renderFile);
  // Reported when a frame is asked for; until then nobody waits for it.
  render.catch(() => undefined);
  const frameOf = async (prepared: Promise<StartupState>): Promise<FirstFrame | null> => {
    const startup = await prepared.catch(() => null);
    // The page reports a failed start itself (its getStartupState takes the same failure).
    if (!startup) return null;
    try {
      const renderFrame = await render;
      return await renderFrame({ startup, viewportHeight: options.viewportHeight(), shownTheme: options.shownTheme(startup) });
    } catch (error) {
      options.report(error);
      return null;
    }
  };
  const prepare = () => {
    const startup = options.prepareStartupState();
    return { startup, frame: frameOf(startup) };
  };
  // The first window's frame is rendered now, while that window is being made; a later page
  // (a reload) gets one rendered when it is asked for.
  let ahead: ReturnType<typeof prepare> | null = prepare();
  return async (page) => {
    // A file opened from outside since (a double-click that started the app) made it stale.
    const next = ahead && options.isStillPrepared(ahead.startup) ? ahead : prepare();
    ahead = null;
    const frame = await next.frame;
    // Never a picture of a session the page will not start with: dropped while rendering, none.
    if (!frame || !options.isStillPrepared(next.startup)) return page;
    return pageWithFirstFrame(page, frame) ?? page;
  };
}

/** The render from its built file: an ES module exporting `renderFirstFrame`. */
export async function loadRenderFirstFrame(file: string): Promise<RenderFirstFrame> {
  const module: unknown = await import(pathToFileURL(file).href);
  const render = typeof module === 'object' && module !== null && 'renderFirstFrame' in module ? module.renderFirstFrame : undefined;
  if (typeof render !== 'function') throw new Error(`No renderFirstFrame in ${file}`);
  return render as RenderFirstFrame;
}
