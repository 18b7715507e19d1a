export { governanceApi } from './apis';
export { governancePage } from './pages';
export { scorecardEntityCard } from './entityCards';
