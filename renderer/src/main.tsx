import './fonts'
import './styles/base.css'
import './styles/layout.css'
import './styles/case-log.css'
import './styles/forms.css'
import './styles/detail.css'
import './styles/link.css'
import './styles/exchange.css'
import './styles/plans.css'
import { StrictMode, type ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import { ApiProvider } from './api/ApiContext'
import { createApiClient, MissingTokenError, type ApiClient } from './api/client'
import { App } from './App'
import { initI18n } from './i18n'
import { MissingToken } from './features/station/MissingToken'

function boot(): ReactNode {
  let client: ApiClient
  try {
    client = createApiClient()
  } catch (e) {
    if (e instanceof MissingTokenError) return <MissingToken />
    throw e
  }
  return (
    <ApiProvider client={client}>
      <App />
    </ApiProvider>
  )
}

void initI18n().then(() => {
  createRoot(document.getElementById('root')!).render(<StrictMode>{boot()}</StrictMode>)
})
