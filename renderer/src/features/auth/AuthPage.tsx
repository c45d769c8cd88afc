import type { ReactNode } from 'react'
import { ConnectionBanner } from '../station/ConnectionBanner'
import { PlainHeader } from '../station/PlainHeader'
import { useStationInfo } from '../station/use-station-info'

interface Props {
  testId: string
  title: string
  intro?: ReactNode
  wide?: boolean
  children: ReactNode
}

/**
 * A page before the app proper (setup, sign-in, lock): the station it belongs to, then one card. It covers the
 * whole window, so a locked app underneath stays out of sight.
 */
export function AuthPage({ testId, title, intro, wide, children }: Props) {
  const info = useStationInfo()
  return (
    <div className="app auth-page" data-testid={testId}>
      <PlainHeader />
      <ConnectionBanner />
      <main className="auth-main">
        <section className={`auth-card${wide ? ' auth-card-wide' : ''}`} aria-labelledby={`${testId}-title`}>
          {info && (
            <p className="auth-station" data-testid="auth-station">
              <span className="auth-station-name">{info.name}</span>
              {info.crossing && <span className="muted">{info.crossing}</span>}
            </p>
          )}
          <h1 className="auth-title" id={`${testId}-title`}>
            {title}
          </h1>
          {intro && <div className="auth-intro">{intro}</div>}
          {children}
        </section>
      </main>
    </div>
  )
}
