/**
 * ARIA tabs for the left panel (Rings / Saved queries): click or arrow keys switch, only the
 * selected tab is in the tab order, its panel is shown and the others hidden.
 */

export function createTabs(tabs: HTMLButtonElement[], onSelect: (tab: HTMLButtonElement) => void): (tab: HTMLButtonElement) => void {
  const select = (chosen: HTMLButtonElement) => {
    for (const tab of tabs) {
      const selected = tab === chosen;
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(tab.getAttribute("aria-controls") ?? "");
      if (panel) panel.hidden = !selected;
    }
    onSelect(chosen);
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => select(tab));
    tab.addEventListener("keydown", (event) => {
      const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
      if (!step) return;
      const next = tabs[(i + step + tabs.length) % tabs.length]!;
      next.focus();
      select(next);
    });
  });
  return select;
}
