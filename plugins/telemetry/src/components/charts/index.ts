export { LineChart } from './LineChart';
export type { ChartPoint } from './geometry';
