import { trusted } from "./html";

// Mobile first and inline: WeChat's in-app browser on a phone is the main
// reader, so one request renders the page. Inputs use 16px text so iOS does
// not zoom on focus; tap targets are at least 44px high.
export const PAGE_STYLES = trusted(`<style>
*{box-sizing:border-box}
body{margin:0;background:#f4f5f7;color:#1f2329;font:16px/1.5 -apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Helvetica Neue",Arial,sans-serif;-webkit-text-size-adjust:100%}
main{max-width:560px;margin:0 auto;padding:16px}
.card{background:#fff;border-radius:12px;padding:20px 16px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
h1{font-size:20px;line-height:1.35;margin:0 0 8px}
.desc{color:#4e5969;margin:0 0 16px;white-space:pre-line}
.field{margin:0 0 18px;border:0;padding:0;min-width:0}
.field>label,.field>legend{display:block;font-weight:600;margin:0 0 6px;padding:0}
.tag{font-weight:400;font-size:13px;color:#86909c;margin-left:6px}
input[type=text],input[type=tel],input[type=email],input[type=date],textarea{width:100%;min-height:44px;padding:10px 12px;font:inherit;font-size:16px;color:inherit;background:#fff;border:1px solid #c9cdd4;border-radius:8px;-webkit-appearance:none;appearance:none}
textarea{min-height:96px;resize:vertical}
input:focus,textarea:focus{outline:2px solid #07c160;outline-offset:0;border-color:#07c160}
.field>.choice{display:flex;align-items:flex-start;gap:10px;min-height:44px;margin:0;padding:10px 0;font-weight:400;border-bottom:1px solid #f0f1f3}
.field>.choice:last-of-type{border-bottom:0}
.choice input{width:20px;height:20px;margin:2px 0 0;flex:none;accent-color:#07c160}
.privacy{font-size:14px;color:#4e5969;background:#f7f8fa;border-radius:8px;padding:10px 12px;margin:0 0 4px;max-height:160px;overflow:auto;white-space:pre-line}
.privacy a{color:#1d6fd8}
.invalid input[type=text],.invalid input[type=tel],.invalid input[type=email],.invalid input[type=date],.invalid textarea{border-color:#f53f3f}
.error{color:#f53f3f;font-size:14px;margin:6px 0 0}
.banner{background:#fff1f0;color:#cb2634;border-radius:8px;padding:10px 12px;margin:0 0 16px;font-size:15px}
button{display:block;width:100%;min-height:48px;margin-top:8px;font:inherit;font-size:17px;font-weight:600;color:#fff;background:#07c160;border:0;border-radius:8px}
button:active{background:#06ad56}
.message{text-align:center;padding:40px 16px}
.message h1{font-size:22px}
</style>`);
