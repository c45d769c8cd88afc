import './fonts'
import './styles/base.css'
import './styles/layout.css'
import './styles/case-log.css'
import './styles/forms.css'
import './styles/detail.css'
import './styles/link.css'
import './styles/exchange.css'
import './styles/plans.css'
import './styles/auth.css'
import './styles/management.css'
import './styles/maintenance.css'
import { StrictMode, type ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import { createApiClient, MissingTokenError, type ApiClient } from './api/client'
import { App } from './App'
import { AuthProvider } from './features/auth/AuthProvider'
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
    <AuthProvider client={client}>
      <App />
    </AuthProvider>
  )
}

void initI18n().then(() => {
  createRoot(document.getElementById('root')!).render(<StrictMode>{boot()}</StrictMode>)
})
