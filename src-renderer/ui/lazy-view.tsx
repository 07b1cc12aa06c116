import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';

/**
 * A view whose code loads when it is first shown, so the first paint only waits for the stream.
 * `pick` names the export: `lazyView(() => import('./goals-view'), (m) => m.GoalsView)`.
 */
export function lazyView<Module, Props extends object>(
  load: () => Promise<Module>,
  pick: (module: Module) => ComponentType<Props>,
): ComponentType<Props> {
  return lazy(async () => ({ default: pick(await load()) }));
}

/** Holds the place of a view still loading, at its full height so nothing jumps (overlays pass null). */
export function ViewLoading({ children, fallback }: { children: ReactNode; fallback?: ReactNode }) {
  return <Suspense fallback={fallback === undefined ? <div className="pane-view" aria-busy="true" /> : fallback}>{children}</Suspense>;
}
