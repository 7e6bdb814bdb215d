// The elements in this app's templates, typed (vue-tsc): as a portal opts in, once per project.
import type {} from 'altinn-request-elements/vue';
