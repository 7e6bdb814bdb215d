/** Layout of the request buttons (the button itself is styled in styles.ts). */
import { css } from 'lit';

export const buttonStyles = css`
  :host {
    display: inline-block;
  }

  .error-text:not(:empty) {
    margin: 0.5rem 0 0;
  }
`;
