// Being built (issue #5): sends the audience view to main on every change while the audience window is open.
export function useAudiencePublisher(): void {}
