/**
 * The message log with the counterparts, both directions: alerts, requests, replies, acknowledgements and read
 * receipts, oldest first. Alerts and requests carry when the other side first answered and how long it took.
 * A message sent to several counterparts is one row for each, with that counterpart's answers.
 */
import { col, firstColumn, rawRows, type ExportTable, type TableContext } from './export-table'
import { withCounterpartRow } from '../exchange/audience'
import { filterWhere } from './export-filters'

const COLUMNS = [
  col('sent_at', 'datetime', 18),
  col('direction', 'text', 10),
  col('kind', 'text', 9),
  col('message_id', 'text', 38),
  col('origin_station', 'text', 34),
  col('recipient_station', 'text', 34),
  col('sent_by', 'text', 20),
  col('priority', 'text', 9),
  col('subject', 'text', 30),
  col('text', 'text', 60),
  col('regarding_type', 'text', 10),
  col('regarding_station', 'text', 34),
  col('regarding_id', 'text', 38),
  col('answers', 'integer', 9),
  col('first_answer_at', 'datetime', 18),
  col('response_minutes', 'number', 12),
  col('acknowledged_at', 'datetime', 18),
  col('read_by_other_side_at', 'datetime', 18)
]

/** Written by the other side of row m: the counterpart it came from, or the one this copy went to. */
const otherSide = (x: string) => `${x}.origin <> m.origin AND (m.recipient IS NULL OR m.origin <> @self OR ${x}.origin = m.recipient)`
/** Replies and acknowledgements from the other side to message m. */
const answers = `exchange_messages a WHERE a.target_type = 'message' AND a.target_origin = m.origin AND a.target_id = m.message_id
  AND a.kind IN ('reply', 'ack') AND ${otherSide('a')}`
const isQuestion = "m.kind IN ('alert', 'request')"

const INNER = `
  SELECT m.seq, m.sent_at, CASE WHEN m.origin = @self THEN 'sent' ELSE 'received' END AS direction, m.kind, m.message_id, m.origin,
    CASE WHEN m.origin = @self THEN m.recipient ELSE @self END AS recipient,
    m.data ->> '$.sentBy' AS sent_by, m.priority, coalesce(m.data ->> '$.title', m.data ->> '$.subject') AS subject,
    m.data ->> '$.text' AS text, m.target_type, m.target_origin, m.target_id,
    CASE WHEN ${isQuestion} THEN (SELECT count(*) FROM ${answers}) END AS answers,
    CASE WHEN ${isQuestion} THEN (SELECT min(a.sent_at) FROM ${answers}) END AS first_answer_at,
    CASE WHEN ${isQuestion} THEN (SELECT min(a.sent_at) FROM ${answers} AND a.kind = 'ack') END AS acknowledged_at,
    (SELECT min(x.sent_at) FROM exchange_messages x WHERE x.kind = 'read' AND x.target_type = 'message'
       AND x.target_origin = m.origin AND x.target_id = m.message_id AND ${otherSide('x')}) AS read_at,
    m.data`

const OUTER = `sent_at, direction, kind, message_id, origin, recipient, sent_by, priority, subject, text, target_type, target_origin, target_id,
  answers, first_answer_at, round((julianday(first_answer_at) - julianday(sent_at)) * 1440, 1), acknowledged_at, read_at`

export function exchangeLogTable({ db, filters, self }: TableContext): ExportTable {
  const { where, params: filterParams } = filterWhere(
    filters,
    { date: 'm.sent_at', counterpart: withCounterpartRow('m') },
    'the exchange log'
  )
  const params = { ...filterParams, self }
  const inner = `${INNER} FROM exchange_messages m ${where}`
  const order = 'ORDER BY sent_at, seq'
  return {
    what: 'exchange',
    count: () => db.prepare(`SELECT count(*) FROM exchange_messages m ${where}`).pluck().get(params) as number,
    sheets: [{ name: 'Exchange log', columns: COLUMNS, rows: () => rawRows(db, `SELECT ${OUTER} FROM (${inner}) ${order}`, params) }],
    json: () =>
      firstColumn(
        db,
        `SELECT json_object('direction', direction, 'origin', origin, 'recipient', recipient, 'answers', answers, 'firstAnswerAt', first_answer_at,
           'responseMinutes', round((julianday(first_answer_at) - julianday(sent_at)) * 1440, 1),
           'acknowledgedAt', acknowledged_at, 'readByOtherSideAt', read_at, 'message', json(data))
         FROM (${inner}) ${order}`,
        params
      )
  }
}
