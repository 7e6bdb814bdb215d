import { css } from 'lit';

export const requestConsentButtonStyles = css`
  :host {
    display: inline-block;
  }

  .error-text:not(:empty) {
    margin: 0.5rem 0 0;
  }
`;
