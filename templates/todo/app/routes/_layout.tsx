import type { LayoutProps } from 'vango/router';

export const meta = { title: '{{name}}' };

export default function Layout({ children }: LayoutProps) {
  return (
    <div class="shell">
      <header>
        <strong>{{name}}</strong>
        <nav>
          <a href="/">Todos</a>
          <a href="/about">About</a>
        </nav>
      </header>
      <main>{children}</main>
    </div>
  );
}
