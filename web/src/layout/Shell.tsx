import type { ComponentChildren } from "preact";
import { SideNav } from "./SideNav";
import { TopBar } from "./TopBar";

/** The signed-in frame: navigation on the left, the top bar, the page. */
export function Shell({ children }: { children: ComponentChildren }) {
  return (
    <div class="shell">
      <SideNav />
      <div class="shell-main">
        <TopBar />
        <main class="shell-content">{children}</main>
      </div>
    </div>
  );
}
