/** How phones join, large for the room: the audience window and presentation mode. docs/ARCHITECTURE.md, "Phones in the room". */
import { useEffect, useId, useState } from 'react';
import { useRoomText } from '../i18n/room-text';
import { useShallow } from 'zustand/react/shallow';
import type { RoomJoinInfo } from '../../../core/audience';
import { qrCode } from '../../../core/qr';
import { formatJoinCode } from '../../../core/room-join';
import { modulePixelsFor, QrCode } from '../ui/QrCode';
import { roomJoinInfo, useRoom } from '../store/room-store';
import { usePresentation } from '../store/presentation-store';
import './present.css';

/** The window's height in CSS pixels, kept current. */
function useWindowHeight(): number {
  const [height, setHeight] = useState(() => window.innerHeight);
  useEffect(() => {
    const update = () => setHeight(window.innerHeight);
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return height;
}

/**
 * The QR code at about 60 % of the screen's height (16 px a module on a 1080p projector, 11 at 720p),
 * the code and the typed address beside it, and how many phones joined. Over the board, which stays behind it.
 */
export function JoinDisplay({ join, onHide, hideLabel }: { join: RoomJoinInfo; onHide?: () => void; hideLabel?: string }) {
  const t = useRoomText();
  const headingId = useId();
  const height = useWindowHeight();
  const modules = qrCode(join.joinUrl, '').modules;
  return (
    <div className="join-display">
      <div className="join-display-backdrop" aria-hidden="true" />
      <section className="join-display-card" aria-labelledby={headingId}>
        <QrCode className="join-display-qr" text={join.joinUrl} label={t('join.qr')} pixelsPerModule={modulePixelsFor(height, modules)} />
        <div className="join-display-text">
          <h2 id={headingId} className="join-display-heading">
            {t('join.heading')}
          </h2>
          <p className="join-display-scan">{t('join.scan')}</p>
          <p className="join-display-url" aria-label={t('join.address')}>
            {join.url}
          </p>
          <p className="join-display-code" aria-label={t('join.code')}>
            {formatJoinCode(join.code)}
          </p>
          <p className="join-display-joined" role="status">
            {t('join.joined', { count: join.joined })}
          </p>
          {onHide && (
            <button type="button" className="tool-button" onClick={onHide}>
              {hideLabel}
            </button>
          )}
        </div>
      </section>
    </div>
  );
}

/** In presentation mode, the join display while the phones are on, joining is open and the facilitator shows it. */
export function PresentedJoin() {
  const t = useRoomText();
  const presenting = usePresentation((s) => s.presenting);
  const join = useRoom(useShallow((s) => (presenting ? roomJoinInfo(s) : undefined)));
  return join ? <JoinDisplay join={join} onHide={() => useRoom.getState().setShowJoin(false)} hideLabel={t('join.hide')} /> : null;
}
