package io.kafkaconnect.cinnox.simulator;

import java.util.List;

/** Word lists for realistic synthetic values: names and texts in several scripts (including CJK and emoji), places, devices. */
final class Phrasebook {

    /** A visitor location with the language and phone prefix that go with it. */
    record Place(String country, String subdivision, String city, String province, String language,
                 String phonePrefix, int phoneDigits) {
    }

    static final List<Place> PLACES = List.of(
            new Place("HK", "Kowloon", "Kowloon City", "", "en:English", "+852", 8),
            new Place("HK", "Hong Kong Island", "Central", "", "zh-HK:廣東話", "+852", 8),
            new Place("TW", "Taipei City", "Taipei", "", "zh-TW:繁體中文", "+886", 9),
            new Place("SG", "", "Singapore", "", "en:English", "+65", 8),
            new Place("CN", "Guangdong", "Shenzhen", "广东省", "zh-CN:简体中文", "+86", 11),
            new Place("JP", "Tokyo", "Shibuya", "", "ja:日本語", "+81", 10),
            new Place("MY", "Selangor", "Petaling Jaya", "", "ms:Bahasa Melayu", "+60", 9),
            new Place("GB", "England", "London", "", "en:English", "+44", 10),
            new Place("VE", "Distrito Capital", "Caracas", "", "es:Español", "+58", 10),
            new Place("AE", "Dubai", "Dubai", "", "ar:العربية", "+971", 9));

    static final List<String> VISITOR_NAMES = List.of(
            "Chan Tai Man", "林小姐 🌸", "Ms. Siti Aminah", "佐藤 花子", "José Rodríguez", "Wong Ka Yan 黃嘉欣",
            "Ahmed Al-Farsi", "李偉強", "Olivia Smith", "Nguyễn Thị Lan", "Ray 🚀", "陳美玲", "", "O'Brien, Liam",
            "김민준", "Priya Sharma", "\"Big\" Tony", "محمد");

    static final List<String> STAFF_NAMES = List.of(
            "Mary Wong", "Peter Ho", "陳志明", "Alice Lam", "Kenji Sato 佐藤健二", "Ana García", "Lee Mei Ling",
            "Tom Cheung 張", "Fatimah Binti Ali", "Jason Ng 🎧", "Zhang Wei 张伟", "Emily Tsang");

    static final List<String> DESTINATION_NAMES = List.of(
            "Sales HK", "客服中心 Support", "Billing & Accounts", "VIP Desk ⭐", "技術支援 Tech", "Onboarding");

    static final List<String> PLATFORMS = List.of(
            "Chrome 119 / Windows 10", "Safari 17 / iOS 17.1", "Firefox 120 / Ubuntu", "Edge 119 / Windows 11",
            "Samsung Internet 23 / Android 14", "WhatsApp", "PSTN", "LINE", "WeChat", "Facebook Messenger");

    static final List<String> VISITOR_LINES = List.of(
            "你好，我想查詢企業方案的價錢 😊\n\"Pro\" plan vs 'Enterprise'?",
            "Hi, my order #A-20931 hasn't arrived yet. Can you check?",
            "請問你們的營業時間是幾點到幾點？",
            "I was charged twice on my credit card 💳 — please refund one.",
            "こんにちは、アカウントにログインできません。",
            "Can I upgrade from 10 to 25 seats mid-month?",
            "Thanks!! 🙏🙏",
            "收唔到驗證碼，可唔可以再send一次？",
            "Is there an API for exporting call recordings?",
            "¿Tienen soporte en español?");

    static final List<String> STAFF_LINES = List.of(
            "Hello! Thanks for reaching out, let me check that for you.",
            "好的，我幫你查一查，請稍等 🙂",
            "I've sent the details to your email. Anything else I can help with?",
            "Your refund request has been submitted (ticket R-55812).",
            "請提供你的訂單號碼，謝謝。",
            "Sure, seats can be added at any time; billing is pro-rated.",
            "已經重新發送驗證碼，請查收。",
            "Have a nice day! 👋");

    static final List<String> FILE_NAMES = List.of(
            "price-list-2023Q4.pdf", "screenshot 2023-11-07 at 10.21.png", "發票_INV-88213.pdf", "contract_v3.docx");

    static final List<String> SMS_TEXTS = List.of(
            "Hi Mr Chan, your quotation %s is ready. Reply STOP to opt out.",
            "您的驗證碼是 %s，五分鐘內有效。請勿將此驗證碼告訴任何人，包括本公司職員。",
            "Your appointment is confirmed for tomorrow 10:30. Ref %s",
            "【ACME】您的包裹 %s 已送達，請於7天內領取。",
            "Your one-time code is %s. It expires in 5 minutes.",
            "Reminder 📅: payment for invoice %s is due on Friday.");

    static final List<String> CAMPAIGN_NAMES = List.of(
            "11.11 Flash Sale reminder", "VIP event invitation", "新年優惠 Chinese New Year promo 🧧",
            "Service maintenance notice", "Customer satisfaction survey", "週年慶 Anniversary sale");

    static final List<String> CAMPAIGN_TEXTS = List.of(
            "11.11 Flash Sale starts at midnight! Up to 50% off. Details: https://acme.example/1111",
            "新春快樂！全場八折，只限本週 🧧 https://acme.example/cny",
            "Scheduled maintenance on Sunday 02:00-04:00 HKT. Sorry for the inconvenience.",
            "How did we do? Rate us in 10 seconds: https://acme.example/s/42");

    static final List<String> SUBJECTS = List.of(
            "Weekly pipeline review — Q4 / 第四季", "Incident bridge 🔥", "客戶簡報 Customer briefing",
            "1:1 sync", "Escalation: order A-20931", "Onboarding call – 新同事");

    static final List<String> WHATSAPP_TEMPLATES = List.of(
            "vip_event_invite_v2", "order_update_zh_hk", "appointment_reminder", "survey_invite");

    static final List<String> LABELS = List.of("lbl-vip", "lbl-pricing", "lbl-complaint", "lbl-refund", "lbl-new");

    private Phrasebook() {
    }
}
