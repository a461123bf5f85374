// A few DOM helpers: elements get text through textContent only, never markup.

export type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: { class?: string; title?: string; data?: Record<string, string> } = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.title) node.title = props.title;
  for (const [key, value] of Object.entries(props.data ?? {})) node.dataset[key] = value;
  for (const child of children) if (child) node.append(child);
  return node;
}

/** A vscode-elements custom element (`vscode-button`, `vscode-badge`…) with attributes. */
export function vsc(tag: string, attributes: Record<string, string | boolean> = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === false) continue;
    node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

export function icon(name: string, extra = ''): HTMLElement {
  return vsc('vscode-icon', { name, class: `icon ${extra}`.trim() });
}

export function button(label: string, iconName: string, onClick: () => void, options: { secondary?: boolean; disabled?: boolean; title?: string } = {}): HTMLElement {
  const node = vsc('vscode-button', { icon: iconName, secondary: options.secondary ?? false, disabled: options.disabled ?? false, title: options.title ?? '' }, label);
  node.addEventListener('click', (event) => {
    event.stopPropagation();
    if (!options.disabled) onClick();
  });
  return node;
}
