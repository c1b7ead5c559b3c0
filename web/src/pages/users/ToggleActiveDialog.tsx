import { type User, updateUser } from "../../api/users";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { useT } from "../../i18n";
import { useToast } from "../../state/toasts";

type ToggleProps = { user: User; onClose: () => void; onDone: (user: User) => void };

/** Deactivating signs the user out everywhere and revokes their API tokens at once. */
export function ToggleActiveDialog({ user, onClose, onDone }: ToggleProps) {
  const t = useT();
  const toast = useToast();
  const deactivating = user.status === "active";
  const name = user.name || user.email;
  return (
    <ConfirmDialog
      title={t(deactivating ? "users.deactivateTitle" : "users.reactivateTitle", { name })}
      body={t(deactivating ? "users.deactivateBody" : "users.reactivateBody")}
      confirmLabel={t(deactivating ? "users.deactivate" : "users.reactivate")}
      danger={deactivating}
      onClose={onClose}
      onConfirm={async () => {
        const next = await updateUser(user.id, {
          status: deactivating ? "deactivated" : "active",
        });
        onDone(next);
        toast.show(t(deactivating ? "users.deactivated" : "users.reactivated"));
      }}
    />
  );
}
