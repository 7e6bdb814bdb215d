// The elements in Vue templates: as a user opts in, once per project.
import type {} from 'altinn-request-elements/vue';
