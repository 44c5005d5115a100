import { type TrackedPixelOptions, useTrackedPixel } from './use-tracked-pixel';

export type TrackedPixelProps = TrackedPixelOptions;

/** `useTrackedPixel` as a component: `<TrackedPixel src="https://pixel.example/p.gif" />`. */
export function TrackedPixel(props: TrackedPixelProps) {
  return useTrackedPixel(props);
}
