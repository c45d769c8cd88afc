import { useTranslation } from 'react-i18next'
import type { BundleContents } from '../../../../../preload/api'
import { useFormatters } from '../../../i18n/format'

type Group = { key: 'records' | 'messages' | 'plans'; bytes: number; counts: [string, number][] }

/** What a bundle carries, by kind with its size, as the officer reads it before carrying or importing it. */
export function BundleContentsList({ contents, testId }: { contents: BundleContents; testId: string }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const groups: Group[] = [
    {
      key: 'records',
      bytes: contents.records.bytes,
      counts: [
        ['newRecords', contents.records.new],
        ['corrections', contents.records.corrections],
        ['withdrawals', contents.records.withdrawals]
      ]
    },
    {
      key: 'messages',
      bytes: contents.messages.bytes,
      counts: [
        ['alerts', contents.messages.alerts],
        ['requests', contents.messages.requests],
        ['replies', contents.messages.replies + contents.messages.receipts]
      ]
    },
    { key: 'plans', bytes: contents.plans.bytes, counts: [['plans', contents.plans.changed]] }
  ]
  const nothing = groups.every((g) => g.counts.every(([, n]) => n === 0))
  if (nothing) {
    return (
      <p className="muted" data-testid={testId} data-nothing="true">
        {t('link.usb.contents.nothing')}
      </p>
    )
  }
  return (
    <div className="bundle-contents" data-testid={testId}>
      {groups.map((g) => (
        <dl className="facts" key={g.key}>
          <div className="fact bundle-group">
            <dt>{t(`link.usb.contents.${g.key}Group`)}</dt>
            <dd className="muted num">{fmt.bytes(g.bytes)}</dd>
          </div>
          {g.counts.map(([key, count]) => (
            <div className="fact" key={key}>
              <dt>{t(`link.usb.contents.${key}`)}</dt>
              <dd className="num" data-testid={`${testId}-${key}`}>
                {fmt.number(count)}
              </dd>
            </div>
          ))}
        </dl>
      ))}
    </div>
  )
}
