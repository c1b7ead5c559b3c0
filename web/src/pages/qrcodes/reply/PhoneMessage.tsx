import type { ReplyMessage } from "../../../api/types";
import { Icon } from "../../../components/Icon";
import { useT } from "../../../i18n";
import { richText } from "./rich-text";

const placeholder = (s: string | undefined, fallback: string) => (s?.trim() ? s : fallback);

function NewsCard(props: {
  title: string;
  description?: string;
  coverUrl?: string;
  footer?: string;
}) {
  return (
    <div class="wx-card wx-news">
      <div class="wx-news-title">{props.title}</div>
      <div class="wx-news-body">
        <div class="wx-news-desc">{props.description}</div>
        <div class="wx-news-cover">
          {props.coverUrl ? (
            <img src={props.coverUrl} alt="" referrerpolicy="no-referrer" />
          ) : (
            <Icon name="image" size={18} />
          )}
        </div>
      </div>
      {props.footer ? <div class="wx-card-footer">{props.footer}</div> : null}
    </div>
  );
}

/** One message drawn the way WeChat draws it in the chat. */
export function PhoneMessage({ message: m }: { message: ReplyMessage }) {
  const t = useT();
  const dash = "…";
  switch (m.type) {
    case "text":
      return <div class="wx-bubble">{m.content.trim() ? richText(m.content) : dash}</div>;
    case "news":
      return (
        <NewsCard
          title={placeholder(m.title, t("reply.title"))}
          description={m.description}
          coverUrl={m.coverUrl}
        />
      );
    case "link":
    case "form": {
      const title = placeholder(
        m.title,
        m.type === "form" ? t("reply.previewForm") : t("reply.title"),
      );
      if (m.style === "text")
        return (
          <div class="wx-bubble">
            <span class="wx-link">{title}</span>
          </div>
        );
      return (
        <NewsCard
          title={title}
          description={m.description || (m.type === "form" ? t("reply.previewForm") : "")}
          coverUrl={m.coverUrl}
        />
      );
    }
    case "image":
      return (
        <div class="wx-media wx-image">
          <Icon name="image" size={28} />
          <span>{t("reply.previewImage")}</span>
        </div>
      );
    case "voice":
      return (
        <div class="wx-bubble wx-voice">
          <Icon name="live" size={16} />
          <span>{t("reply.previewVoice")}</span>
        </div>
      );
    case "video":
      return (
        <div class="wx-media wx-video">
          <span class="wx-play">
            <Icon name="play" size={18} />
          </span>
          <span>{placeholder(m.title, t("reply.previewVideo"))}</span>
        </div>
      );
    case "miniprogram":
      return (
        <div class="wx-card wx-mini">
          <div class="wx-mini-head">
            <span class="wx-mini-logo" />
            {t("reply.previewMiniProgram")}
          </div>
          <div class="wx-news-title">{placeholder(m.title, t("reply.title"))}</div>
          <div class="wx-mini-cover">
            <Icon name="image" size={22} />
          </div>
          <div class="wx-card-footer">
            <Icon name="link" size={12} /> {t("reply.previewMiniProgram")}
          </div>
        </div>
      );
    case "menu":
      return (
        <div class="wx-bubble">
          {m.head ? <div>{m.head}</div> : null}
          {m.options.map((o) => (
            <div key={o.id} class="wx-link wx-menu-option">
              {o.content || dash}
            </div>
          ))}
          {m.tail ? <div>{m.tail}</div> : null}
        </div>
      );
  }
}
