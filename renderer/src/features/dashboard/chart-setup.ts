import { BarElement, CategoryScale, Chart, Legend, LinearScale, LineElement, PointElement, Tooltip } from 'chart.js'

/** Only the parts the dashboard draws, so the rest of Chart.js stays out of the bundle. */
Chart.register(CategoryScale, LinearScale, BarElement, LineElement, PointElement, Tooltip, Legend)

const css = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim()

/** The app's own look: its font stack (Thai and Lao included), muted text, hairline grid. */
function applyChartTheme(): void {
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily
  Chart.defaults.font.size = 12
  Chart.defaults.color = css('--text-muted')
  Chart.defaults.borderColor = '#edf0f4'
  Chart.defaults.animation = false
  Chart.defaults.maintainAspectRatio = false
  Chart.defaults.plugins.legend.labels.boxWidth = 12
  Chart.defaults.plugins.legend.labels.boxHeight = 12
}

/** Series colours: the app's primary for this month, its border grey for the month before. */
export const palette = () => ({
  current: css('--primary'),
  previous: css('--border-strong'),
  male: css('--primary'),
  female: '#d81b60',
  unknown: '#95a5a6',
  cases: css('--primary'),
  persons: '#d81b60',
  items: '#27ae60',
  sent: '#b7791f',
  received: '#8e44ad'
})

applyChartTheme()
