package org.parley.node.console;

import java.util.Map;

/**
 * Every label the console shows, in English and Chinese. The Chinese glyphs here and in the
 * phrasebook are the ones the shipped subset font covers (see assets/fonts/README).
 */
final class Labels {
    private static final Map<String, String[]> TEXT = Map.ofEntries(
            Map.entry("console", new String[] {"Duty officer console", "值班员控制台"}),
            Map.entry("inbox", new String[] {"Inbox", "收件箱"}),
            Map.entry("outbox", new String[] {"Outbox", "发件箱"}),
            Map.entry("compose", new String[] {"Compose", "撰写"}),
            Map.entry("alarms", new String[] {"Alarms", "警报"}),
            Map.entry("link", new String[] {"Link", "链路"}),
            Map.entry("dialogue", new String[] {"Dialogue", "对话"}),
            Map.entry("map", new String[] {"Map", "地图"}),
            Map.entry("signIn", new String[] {"Sign in", "登录"}),
            Map.entry("signOut", new String[] {"Sign out", "退出"}),
            Map.entry("token", new String[] {"Operator token", "操作员令牌"}),
            Map.entry("precedence", new String[] {"Precedence", "优先级"}),
            Map.entry("category", new String[] {"Category", "类别"}),
            Map.entry("from", new String[] {"From", "发件方"}),
            Map.entry("to", new String[] {"To", "收件方"}),
            Map.entry("received", new String[] {"Received", "接收时间"}),
            Map.entry("created", new String[] {"Created", "创建时间"}),
            Map.entry("deadline", new String[] {"Ack deadline", "确认期限"}),
            Map.entry("remaining", new String[] {"Time left", "剩余时间"}),
            Map.entry("status", new String[] {"Status", "状态"}),
            Map.entry("message", new String[] {"Message", "消息"}),
            Map.entry("acknowledge", new String[] {"Acknowledge", "确认"}),
            Map.entry("acknowledgedBy", new String[] {"Acknowledged by", "确认人"}),
            Map.entry("english", new String[] {"English", "英文"}),
            Map.entry("chinese", new String[] {"Chinese", "中文"}),
            Map.entry("phrase", new String[] {"Phrase", "短语"}),
            Map.entry("parameters", new String[] {"Parameters", "参数"}),
            Map.entry("freeText", new String[] {"Free text (untranslated)", "自由文本（未翻译）"}),
            Map.entry("preview", new String[] {"Preview", "预览"}),
            Map.entry("send", new String[] {"Send", "发送"}),
            Map.entry("attempts", new String[] {"Delivery attempts", "投递次数"}),
            Map.entry("lastError", new String[] {"Last error", "最近错误"}),
            Map.entry("none", new String[] {"None", "无"}),
            Map.entry("kind", new String[] {"Kind", "种类"}),
            Map.entry("time", new String[] {"Time", "时间"}),
            Map.entry("linkAlarm", new String[] {"Link alarm", "链路警报"}),
            Map.entry("roundTrip", new String[] {"Last round trip (ms)", "最近往返（毫秒）"}),
            Map.entry("clockOffset", new String[] {"Peer clock offset (ms)", "对方时钟偏差（毫秒）"}),
            Map.entry("linkTests", new String[] {"Link tests sent / answered", "链路测试 发送/应答"}),
            Map.entry("lastAnswered", new String[] {"Last answered", "最近应答"}),
            Map.entry("requests", new String[] {"Requests", "请求"}),
            Map.entry("notices", new String[] {"Channel notices", "渠道通知"}),
            Map.entry("suspended", new String[] {"Suspended now", "当前暂停"}),
            Map.entry("suspend", new String[] {"Suspend", "暂停"}),
            Map.entry("reason", new String[] {"Reason", "原因"}),
            Map.entry("language", new String[] {"中文", "English"}),
            Map.entry("signedInAs", new String[] {"Signed in as", "当前用户"}),
            Map.entry("noIncidents", new String[] {"No open incidents.", "无未结事件。"}),
            Map.entry("empty", new String[] {"Nothing yet.", "暂无。"}),
            Map.entry("refused", new String[] {"Refused", "被拒绝"}),
            Map.entry("choose", new String[] {"Choose a phrase", "选择短语"}),
            Map.entry("live", new String[] {"Live", "实时"}),
            Map.entry("level", new String[] {"Level", "级别"}),
            Map.entry("topic", new String[] {"Topic", "议题"}),
            Map.entry("proposed", new String[] {"Proposed times", "建议时间"}),
            Map.entry("answer", new String[] {"Answer", "答复"}),
            Map.entry("decline", new String[] {"Decline", "拒绝"}),
            Map.entry("statistics", new String[] {"Statistics", "统计"}),
            Map.entry("period", new String[] {"Period", "期间"}),
            Map.entry("sentCount", new String[] {"Sent", "已发送"}),
            Map.entry("accepted", new String[] {"Accepted", "已接受"}),
            Map.entry("declined", new String[] {"Declined", "已拒绝"}),
            Map.entry("unanswered", new String[] {"No response", "未答复"}),
            Map.entry("proof", new String[] {"Download the proof bundle", "下载证明包"}),
            Map.entry("alarmBanner", new String[] {"FLASH unacknowledged", "特急消息未确认"}),
            Map.entry("emergencyBanner", new String[] {"EMERGENCY unacknowledged", "紧急求救未确认"}),
            Map.entry("incident", new String[] {"Incident", "事件"}),
            Map.entry("incidents", new String[] {"Incidents", "事件列表"}),
            Map.entry("units", new String[] {"Units", "双方单位"}),
            Map.entry("open", new String[] {"Open", "进行中"}),
            Map.entry("closed", new String[] {"Closed", "已结束"}),
            Map.entry("lookAhead", new String[] {"Look-ahead", "预测时长"}),
            Map.entry("predictedPaths", new String[] {"Predicted paths", "预测航迹"}),
            Map.entry("predictedCpa", new String[] {"Predicted closest approach", "预测最近会遇"}),
            Map.entry("noPrediction", new String[] {
                "No course and speed recorded for both units: no predicted paths.", "未记录双方航向和航速，无预测航迹。"
            }),
            Map.entry("rangeChart", new String[] {"Range over time (m)", "距离随时间变化（米）"}),
            Map.entry("changes", new String[] {"Changes", "变化记录"}),
            Map.entry("range", new String[] {"Range (m)", "距离（米）"}),
            Map.entry("cpa", new String[] {"CPA (m)", "最近会遇距离（米）"}),
            Map.entry("tcpa", new String[] {"TCPA (s)", "到达最近会遇时间（秒）"}),
            Map.entry("hotlineMessages", new String[] {"Hotline messages", "热线消息"}),
            Map.entry("sendDraft", new String[] {"Send the drafted FLASH", "发送特急草稿"}),
            Map.entry("all", new String[] {"All", "全部"}),
            Map.entry("filter", new String[] {"Filter", "筛选"}),
            Map.entry("unacknowledgedOnly", new String[] {"Unacknowledged only", "仅未确认"}),
            Map.entry("treeSize", new String[] {"Our record (entries)", "本方记录（条）"}),
            Map.entry("countersignedSize", new String[] {"Record size countersigned by the peer", "对方会签的记录大小"}),
            Map.entry("addPhrase", new String[] {"Add a phrase", "添加短语"}));

    private Labels() {}

    /** The label in {@code language} ("zh" for Chinese, English otherwise). */
    static String text(String key, String language) {
        String[] pair = TEXT.get(key);
        if (pair == null) {
            throw new IllegalArgumentException("no console label '" + key + "'");
        }
        return "zh".equals(language) ? pair[1] : pair[0];
    }

    /** Every Chinese label, for the font subset and its test. */
    static String allChinese() {
        StringBuilder out = new StringBuilder();
        TEXT.values().forEach(pair -> out.append(pair[1]));
        return out.toString();
    }
}
