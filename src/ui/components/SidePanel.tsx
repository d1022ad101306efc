// The referat page's side panel, beside the text like Word's and Google Docs' side panes: participants, sharing,
// copies, approvals, export and history, shown all at once ("Alle") or one at a time, chosen by a tab list (arrow
// keys, Home, End) and remembered on this device. Every part stays mounted, so a hidden one keeps what it was doing.
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nContext';

export const SIDE_SECTIONS = ['participants', 'sharing', 'copies', 'approvals', 'export', 'history'] as const;
export type SideSection = (typeof SIDE_SECTIONS)[number];
type SideTab = 'all' | SideSection;

const STORAGE_KEY = 'referat.sidePanelTab';

function savedTab(): SideTab {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return saved === 'all' || SIDE_SECTIONS.includes(saved as SideSection) ? (saved as SideTab) : 'all';
  } catch {
    return 'all';
  }
}

function saveTab(tab: SideTab): void {
  try {
    localStorage.setItem(STORAGE_KEY, tab);
  } catch {
    // Private mode or storage full: the choice lasts for this page only.
  }
}

export function SidePanel(props: { sections: Partial<Record<SideSection, ReactNode>> }) {
  const { t } = useI18n();
  const id = useId();
  const present = SIDE_SECTIONS.filter((s) => props.sections[s] !== undefined);
  const tabs: SideTab[] = ['all', ...present];
  const [chosen, setChosen] = useState<SideTab>(savedTab);
  const selected: SideTab = tabs.includes(chosen) ? chosen : 'all';
  const tabId = (tab: SideTab) => `${id}-tab-${tab}`;

  const choose = (tab: SideTab, focus: boolean) => {
    setChosen(tab);
    saveTab(tab);
    if (focus) document.getElementById(tabId(tab))?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const at = tabs.indexOf(selected);
    const to =
      e.key === 'ArrowRight' || e.key === 'ArrowDown' ? (at + 1) % tabs.length
      : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? (at - 1 + tabs.length) % tabs.length
      : e.key === 'Home' ? 0
      : e.key === 'End' ? tabs.length - 1
      : null;
    const tab = to === null ? undefined : tabs[to];
    if (tab === undefined) return;
    e.preventDefault();
    choose(tab, true);
  };

  return (
    <aside className="side-pane" aria-label={t('layout.sidePanel')}>
      <div role="tablist" aria-label={t('layout.sideTabs')} className="side-tabs">
        {tabs.map((tab) => (
          <button
            key={tab}
            id={tabId(tab)}
            type="button"
            role="tab"
            aria-selected={tab === selected}
            aria-controls={`${id}-panel`}
            tabIndex={tab === selected ? 0 : -1}
            onClick={() => choose(tab, false)}
            onKeyDown={onKeyDown}
          >
            {t(`layout.tab.${tab}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={tabId(selected)} className="side-panel-body">
        {present.map((s) => (
          <div key={s} className={`side-section side-section-${s}`} hidden={selected !== 'all' && selected !== s}>
            {props.sections[s]}
          </div>
        ))}
      </div>
    </aside>
  );
}
