import { create } from 'zustand';

/** A short message for the whole app (rate limited, maintenance), shown by the notice banner. */
export interface Notice {
  id: number;
  message: string;
}

interface NoticeState {
  notices: Notice[];
}

const useNoticeStore = create<NoticeState>()(() => ({ notices: [] }));
let nextId = 1;
const NOTICE_MS = 8000;

export const noticeActions = {
  /** Shows a message; the same message is not stacked twice while it is on screen. */
  notify(message: string): void {
    const { notices } = useNoticeStore.getState();
    if (notices.some((n) => n.message === message)) return;
    const notice = { id: nextId++, message };
    useNoticeStore.setState({ notices: [...notices, notice] });
    setTimeout(() => noticeActions.dismiss(notice.id), NOTICE_MS);
  },
  dismiss(id: number): void {
    useNoticeStore.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  },
};

export const useNotices = () => useNoticeStore((s) => s.notices);
