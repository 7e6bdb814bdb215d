import { css } from 'lit';

/**
 * Styles every element shares. Colours, radius and font come from Designsystemet's `--ds-*` tokens
 * when the page has them, with fallbacks close to Designsystemet's defaults, and can be overridden per
 * element through the `--altinn-request-*` properties each element documents.
 */
export const baseStyles = css`
  :host {
    box-sizing: border-box;
    font-family: var(--ds-font-family, system-ui, sans-serif);
    font-size: var(--ds-font-size-md, 1rem);
    line-height: 1.5;
    color: var(--ds-color-neutral-text-default, #1e2b3c);
  }

  :host([hidden]) {
    display: none;
  }

  * {
    box-sizing: border-box;
  }

  .spinner {
    flex: none;
    width: 1em;
    height: 1em;
    border: 0.15em solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    /* WCAG 2.5.5: a 44 x 44 px target. */
    min-width: 44px;
    min-height: 44px;
    margin: 0;
    padding: var(--altinn-request-button-padding, 0.5rem 1.25rem);
    border: 2px solid var(--_button-border, transparent);
    border-radius: var(--altinn-request-button-radius, var(--ds-border-radius-md, 0.25rem));
    background: var(--_button-background);
    color: var(--_button-color);
    /* A page's text-spacing (WCAG 1.4.12) reaches the label: buttons reset spacing otherwise. */
    font: inherit;
    letter-spacing: inherit;
    word-spacing: inherit;
    font-weight: var(--ds-font-weight-medium, 500);
    text-align: center;
    cursor: pointer;
  }

  .button:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--ds-color-focus-outer, #1e2b3c);
    outline-offset: 2px;
    box-shadow: 0 0 0 2px var(--ds-color-focus-inner, #fff);
  }

  .button[aria-disabled='true'] {
    cursor: progress;
  }

  .button:disabled {
    cursor: not-allowed;
    opacity: var(--ds-disabled-opacity, 0.45);
  }

  .primary {
    --_button-background: var(
      --altinn-request-button-background,
      var(--ds-color-accent-base-default, #0062ba)
    );
    --_button-color: var(
      --altinn-request-button-color,
      var(--ds-color-accent-base-contrast-default, #fff)
    );
  }

  .primary:hover:not(:disabled) {
    --_button-background: var(
      --altinn-request-button-background-hover,
      var(--ds-color-accent-base-hover, #004f99)
    );
  }

  .primary:active:not(:disabled) {
    --_button-background: var(--ds-color-accent-base-active, #003b73);
  }

  .secondary {
    --_button-background: transparent;
    --_button-color: var(--ds-color-accent-text-subtle, #0062ba);
    --_button-border: currentColor;
  }

  .secondary:hover:not(:disabled) {
    --_button-background: var(--ds-color-accent-surface-hover, #e3eefa);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  a {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    color: var(--ds-color-accent-text-subtle, #0062ba);
    font-weight: var(--ds-font-weight-medium, 500);
    text-underline-offset: 0.2em;
  }

  .note:not(:empty) {
    margin: 0.5rem 0 0;
  }

  .error-text {
    color: var(--ds-color-danger-text-default, #b3151b);
  }

  /* Windows high contrast and other forced colours: system colours, visible borders and focus. */
  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
      forced-color-adjust: none;
    }
    .button:disabled {
      border-color: GrayText;
      color: GrayText;
      opacity: 1;
    }
    .button:focus-visible,
    a:focus-visible {
      outline-color: Highlight;
    }
    .spinner {
      forced-color-adjust: none;
      border-color: CanvasText;
      border-right-color: transparent;
    }
    .button .spinner {
      border-color: ButtonText;
      border-right-color: transparent;
    }
  }
`;
