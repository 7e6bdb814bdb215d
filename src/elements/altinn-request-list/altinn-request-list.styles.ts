/** Layout of the list; each row is a status box (status.styles.ts), its edge coloured by status. */
import { css } from 'lit';

export const listStyles = css`
  ul {
    display: grid;
    gap: var(--altinn-request-list-gap, 0.75rem);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .what {
    font-weight: var(--ds-font-weight-medium, 500);
  }

  .kind {
    color: var(--ds-color-neutral-text-subtle, #4b5563);
  }

  dl {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.5rem;
    margin: 0;
  }

  dt {
    font-size: var(--ds-font-size-sm, 0.875rem);
    color: var(--ds-color-neutral-text-subtle, #4b5563);
  }

  dd {
    margin: 0;
  }

  .actions,
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }

  .confirm p {
    flex-basis: 100%;
  }

  [part~='more-button'] {
    margin-top: var(--altinn-request-list-gap, 0.75rem);
  }

  [tabindex='-1']:focus {
    outline: none;
  }
`;
