/** Styles of the status elements: a box whose edge colour follows the status (the text says it too). */
import { css } from 'lit';

export const statusStyles = css`
  :host {
    display: block;
  }

  .box {
    --_accent: var(--ds-color-info-border-default, #0a71c0);
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.5rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--_accent);
    border-inline-start-width: 0.3rem;
    border-radius: var(--altinn-request-status-radius, var(--ds-border-radius-md, 0.25rem));
    background: var(--_surface, var(--ds-color-info-surface-tinted, #eaf3fb));
  }

  .box p {
    margin: 0;
  }

  /* A failure to update, under the status still known. */
  :host([status]) [role='alert'] .box {
    margin-top: 0.5rem;
  }

  .hint {
    font-size: var(--ds-font-size-sm, 0.875rem);
    color: var(--ds-color-neutral-text-subtle, #4b5563);
  }

  .accepted {
    --_accent: var(--ds-color-success-border-default, #068718);
    --_surface: var(--ds-color-success-surface-tinted, #e8f5ea);
  }

  .rejected,
  .error {
    --_accent: var(--ds-color-danger-border-default, #c22020);
    --_surface: var(--ds-color-danger-surface-tinted, #fbeaea);
  }

  .revoked,
  .withdrawn,
  .expired {
    --_accent: var(--ds-color-warning-border-default, #b35e00);
    --_surface: var(--ds-color-warning-surface-tinted, #fdf1e3);
  }

  .unknown {
    --_accent: var(--ds-color-neutral-border-default, #68707c);
    --_surface: var(--ds-color-neutral-surface-tinted, #f1f2f4);
  }

  .loading {
    --_accent: var(--ds-color-neutral-border-subtle, #a0a6ae);
    --_surface: transparent;
    flex-direction: row;
    align-items: center;
  }

  @media (forced-colors: active) {
    .box {
      border-color: CanvasText;
    }
  }
`;
