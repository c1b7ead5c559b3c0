/**
 * The contract between the WeChat protocol layer (src/wechat, src/webhook,
 * src/sandbox) and the domains that use it (QR codes, scans, replies).
 * Field names follow ../shared/wechat.md.
 */

/** A verified, decrypted push from WeChat, reduced to what the product acts on. */
export type WechatEvent =
  | {
      kind: "subscribe";
      openid: string;
      /** CreateTime in Unix seconds. */
      createTime: number;
      /** The scene with `qrscene_` stripped once, or null for a follow not from a parametric code. */
      scene: string | null;
      ticket: string | null;
    }
  | { kind: "scan"; openid: string; createTime: number; scene: string; ticket: string | null }
  | { kind: "unsubscribe"; openid: string; createTime: number }
  /** Anything else (ordinary messages, other events): answered `success`, not handled. */
  | { kind: "other"; openid: string; createTime: number; msgType: string; event: string | null };

/** One message WeChat accepts as the passive reply in the webhook answer. */
export type PassiveReply =
  | { type: "text"; content: string }
  | { type: "image"; mediaId: string }
  | { type: "voice"; mediaId: string }
  | { type: "video"; mediaId: string; title?: string; description?: string }
  | {
      type: "music";
      title?: string;
      description?: string;
      musicUrl: string;
      hqMusicUrl?: string;
      thumbMediaId?: string;
    }
  | { type: "news"; article: NewsArticle };

export type NewsArticle = { title: string; description: string; url: string; picUrl: string };

/** One customer-service message (`/cgi-bin/message/custom/send`), before the touser is added. */
export type CustomMessage =
  | { msgtype: "text"; text: { content: string } }
  | { msgtype: "image"; image: { media_id: string } }
  | { msgtype: "voice"; voice: { media_id: string } }
  | {
      msgtype: "video";
      video: { media_id: string; thumb_media_id?: string; title?: string; description?: string };
    }
  | {
      msgtype: "music";
      music: {
        title?: string;
        description?: string;
        musicurl: string;
        hqmusicurl?: string;
        thumb_media_id: string;
      };
    }
  | {
      msgtype: "news";
      news: { articles: [{ title: string; description: string; url: string; picurl: string }] };
    }
  | { msgtype: "mpnewsarticle"; mpnewsarticle: { article_id: string } }
  | {
      msgtype: "miniprogrampage";
      miniprogrampage: { title: string; appid: string; pagepath: string; thumb_media_id: string };
    }
  | {
      msgtype: "msgmenu";
      msgmenu: {
        head_content: string;
        list: { id: string; content: string }[];
        tail_content: string;
      };
    };
