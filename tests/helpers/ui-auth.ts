/**
 * Signing in through the screens, the way an officer does: the first-run setup on a new station (the account
 * becomes its administrator), or the sign-in form. Both end with the signed-in user's menu in the header.
 */
import { expect, type Page } from '@playwright/test'
import type { Agency } from '../../preload/api'
import type { TestAccount } from './accounts'

export async function setUpThroughUi(page: Page, admin: TestAccount, agency: Agency = 'police'): Promise<void> {
  const setup = page.getByTestId('setup')
  await expect(setup).toBeVisible()
  await setup.getByTestId('field-username').fill(admin.username)
  await setup.getByTestId('field-displayName').fill(admin.displayName)
  await setup.getByTestId('field-agency').selectOption(agency)
  await setup.getByTestId('field-password').fill(admin.password)
  await setup.getByTestId('field-confirm').fill(admin.password)
  await setup.getByTestId('setup-submit').click()
  await expect(page.getByTestId('user-menu-name')).toHaveText(admin.displayName)
}

export async function signInThroughUi(page: Page, account: TestAccount): Promise<void> {
  const form = page.getByTestId('sign-in')
  await expect(form).toBeVisible()
  await form.getByTestId('field-username').fill(account.username)
  await form.getByTestId('field-password').fill(account.password)
  await form.getByTestId('sign-in-submit').click()
  await expect(page.getByTestId('user-menu-name')).toHaveText(account.displayName)
}
