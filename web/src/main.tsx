import { render } from "preact";
import { App } from "./App";
import "./styles/tokens.css";
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/controls.css";
import "./styles/form-controls.css";
import "./styles/data.css";
import "./styles/overlays.css";
import "./styles/chrome.css";
import "./styles/lists.css";
import "./styles/pages.css";
import "./styles/qr-form.css";
import "./styles/phone.css";
import "./styles/qr-detail.css";
import "./styles/import.css";

const root = document.getElementById("app");
if (root) render(<App />, root);
