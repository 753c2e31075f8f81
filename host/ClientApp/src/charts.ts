// Only the parts of Chart.js the app draws: bars and a line on category and linear scales.
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartConfiguration,
} from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif';
Chart.defaults.locale = 'id-ID';
Chart.defaults.animation = false;

export function draw(canvas: HTMLCanvasElement, config: ChartConfiguration): () => void {
  const chart = new Chart(canvas, config);
  return () => chart.destroy();
}
