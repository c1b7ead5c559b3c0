import { type ComponentChildren, createContext } from "preact";
import { useCallback, useContext, useMemo, useState } from "preact/hooks";
import { Icon } from "../components/Icon";

type ToastTone = "success" | "error" | "info";
type Toast = { id: number; tone: ToastTone; text: string };
type Toasts = { show: (text: string, tone?: ToastTone) => void };

const ToastContext = createContext<Toasts>({ show: () => {} });
let nextId = 1;

/** Short confirmations in the corner ("Saved"), gone after a few seconds. */
export function ToastProvider({ children }: { children: ComponentChildren }) {
  const [toasts, setToasts] = useState<Toast[]>([]);

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((t) => t.id !== id));
  }, []);

  const show = useCallback(
    (text: string, tone: ToastTone = "success") => {
      const id = nextId++;
      setToasts((list) => [...list.slice(-3), { id, tone, text }]);
      setTimeout(() => dismiss(id), tone === "error" ? 6000 : 3200);
    },
    [dismiss],
  );

  const value = useMemo(() => ({ show }), [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div class="toasts" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} class={`toast toast-${toast.tone}`}>
            <Icon
              name={
                toast.tone === "success" ? "success" : toast.tone === "error" ? "alert" : "info"
              }
              size={16}
            />
            <span>{toast.text}</span>
            <button type="button" class="icon-btn icon-btn-xs" onClick={() => dismiss(toast.id)}>
              <Icon name="x" size={12} />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
