/**
 * A Designsystemet theme for the "Themed" stories: the `--ds-*` tokens a portal that uses
 * Designsystemet has on its page (here a green brand, larger radius and another font), set on a
 * wrapper. Only story markup sets them inline; the elements read them through CSS inheritance.
 */
export const DESIGNSYSTEMET_THEME = [
  "--ds-font-family: 'Trebuchet MS', 'Segoe UI', system-ui, sans-serif",
  '--ds-font-size-md: 1.0625rem',
  '--ds-font-size-sm: 0.9375rem',
  '--ds-font-weight-medium: 600',
  '--ds-border-radius-md: 0.75rem',
  '--ds-color-neutral-text-default: #1c2321',
  '--ds-color-neutral-text-subtle: #45504c',
  '--ds-color-accent-base-default: #1b6b4a',
  '--ds-color-accent-base-hover: #145238',
  '--ds-color-accent-base-active: #0e3b28',
  '--ds-color-accent-base-contrast-default: #ffffff',
  '--ds-color-accent-text-subtle: #17603f',
  '--ds-color-accent-surface-hover: #e2f1e9',
  '--ds-color-focus-outer: #1c2321',
  '--ds-color-focus-inner: #ffffff',
  '--ds-color-info-border-default: #2d7d9a',
  '--ds-color-info-surface-tinted: #ecf5f8',
  '--ds-color-success-border-default: #1b6b4a',
  '--ds-color-success-surface-tinted: #e6f3ec',
  '--ds-color-danger-border-default: #b3261e',
  '--ds-color-danger-surface-tinted: #fcecea',
  '--ds-color-danger-text-default: #9c1f18',
  '--ds-color-warning-border-default: #a35400',
  '--ds-color-warning-surface-tinted: #fdf0e1',
  '--ds-color-neutral-border-default: #5f6b66',
  '--ds-color-neutral-surface-tinted: #f0f2f1',
  '--ds-color-neutral-border-subtle: #9aa5a0',
  '--ds-disabled-opacity: 0.5',
].join('; ');
