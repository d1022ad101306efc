// Runs a function once the next frame has been painted, so what was just rendered is on screen before long work.
/** Schedules `run` after the next paint (an animation frame, then a task); returns a function that cancels it. */
export function afterNextPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
