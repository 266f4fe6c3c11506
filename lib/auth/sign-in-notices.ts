/** Why the sign-in page was opened, when the app sent the user there; named in its URL. */
export const SIGN_IN_NOTICES = {
  "password-changed": "Your password was changed and every session, on every device, was signed out. Sign in with your new password.",
} as const;

export type SignInNotice = keyof typeof SIGN_IN_NOTICES;

export function signInNoticeUrl(notice: SignInNotice): string {
  return `/login?notice=${notice}`;
}

export function signInNoticeText(notice: string | undefined): string | null {
  return notice && Object.hasOwn(SIGN_IN_NOTICES, notice) ? SIGN_IN_NOTICES[notice as SignInNotice] : null;
}
