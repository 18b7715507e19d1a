export { ownershipApi } from './apis';
export { onCallEntityCard } from './entityCards';
