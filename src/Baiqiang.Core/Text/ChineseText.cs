using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Baiqiang.Core.Text;

/// <summary>
/// Normalisation of Chinese text from reports and mirror sites before it is parsed: full-width to ASCII,
/// traditional to simplified, one dash for ranges, no pinyin glosses, single spaces.
/// </summary>
/// <remarks>
/// <para><see cref="Normalize"/> is idempotent and never throws for non-null input. It is meant for parsing
/// (periods, numbers, amounts, indicator names), not for display: it changes punctuation (NFKC maps the
/// full-width comma <c>，</c> to <c>,</c> and <c>（</c> to <c>(</c>).</para>
/// <para>The traditional→simplified table is built in (no run-time dependency). It was generated offline from
/// OpenCC's TSCharacters table, restricted to traditional characters whose simplified form is a common
/// (GB 2312 level-1) character plus every traditional character of the seed reports; characters that are also
/// in use in simplified text with their own meaning (乾, 麽 …) are left alone.</para>
/// </remarks>
public static class ChineseText
{
    private const string TraditionalChars =
        "丟並亂亙亞佈佔併來侖侶侷係俠俬倆倉個們倖値倫偉側偵偽傑傘備傢傭傳債傷傾僅僑僕僞僥僱價儀儁億儈儉儘償優儲兇兌兒內兩冊冪凈凍" +
        "凜凱別刪則剋剎剛剝剮創剷劃劇劉劊劍劑勁動務勛勝勞勢勳勵勸勻匯區協卹卻卽厠厤厭厲參叄叢吳吶呂員唸問啓啞啟喚喪喫喬單喲嗆嗎嗚" +
        "嘆嘔嘗嘩嘯噁噓噴噸噹嚇嚐嚙嚥嚨嚮嚴囂囌囑囪國圍園圓圖團垻埰執堅堯報場塊塗塢塵塹墊増墜墮墰墳墻墾壇壓壘壜壞壟壩壯壺壽夠夢夥" +
        "夾奧奪奬奮妝姦娛婁婦媽嬌嬰嬸孃孫學孿宮寀寢實寧審寫寬寵寶將專尋對導屆屍屜屢層屬岡峯島峽崑崗崙嵗嶄嶺嶼嶽巋巒巖帥師帳帶幀幟" +
        "幣幫幹幾庫廁廂廄廈廕廚廟廠廢廣廬廳弔張強彆彈彌彎彔彙彥彫彿後徑從復徵徹恆恥悅悶悽惡惱愛慄態慘慚慣慫慮慶慼慾憂憊憐憑憚憤憫" +
        "憲憶懇應懞懲懶懷懸懼懾戀戰戲戶拋挾捨捲掃掄掙掛採揀揚換揮損搖搗搶摟摯摳摺摻撈撐撓撣撥撫撲撻撾撿擁擄擇擊擋擔據擠擣擬擯擰擱" +
        "擲擴擺擻擾攆攏攔攙攜攝攢攣攤攪攬敎敗敘敵數斂斃斬斷於旂旣昇時晉晝暈暢暫曆曉曏曠曬書會朮東枴柵柺査桿條棄棊棗棟棧棲楊楓業極" +
        "榦榮構槍槓槳樁樂樑樓標樞樣樸樹橋機橢橫檔檢檯檸檻櫃櫥櫻欄權欽歎歐歡歲歷歸殘殭殲殺殻殼毀毆氈氣氫氾汎汙決沒沖況泝洩洶涼淒淚" +
        "淨淩淪淵淺渙減渦測渾湊湧湯準溝溫溼滄滅滌滙滬滯滲滷滾滿漁漚漢漣漬漲漸漿潑潔潛潤潰澀澆澇澗澤澱濁濃濕濘濛濟濤濫濰濱濺濾瀉瀋" +
        "瀕瀝瀰瀾灑灕灘灣灤災為烏烴無煉煙煥煩熒熱熾燁燈燒燙營燦燬燭燴燻燼爍爐爛爭爲爺爾牀牆牽犢犧狀狹狽猙猶獃獄獅獎獨獰獲獵獸獺獻" +
        "現琱琺瑣瑤瑩瑪環瓊甕產産甦畝畢畫異畵當疇疊痙痠瘋瘍瘓瘡瘧療癒癟癡癢癥癬癰癱發皁皚皺盃盜盞盡監盤盧盪眞眾睏睜瞞矇矚矯硃硯碩" +
        "確碼磚礆礎礙礦礫礬祕祿禍禦禮禱禿稅稈稜種稱穀積穎穢穩穫窩窪窮窯窺竄竅竈竊竪競筆筍箇箋節範築篩簍簑簡簽簾籃籌籠籤籬籮籲粵糞" +
        "糧糰糾紀約紅紉紋納紐紓純紗紙級紛紡紮細紳紹終絃組絆結絕絛絞絡絢給絨統絲絶絹綁綉綏綑經綜綠綢綫維綱網綳綴綵綸綻綽綿緊緑緒緘" +
        "線緝緞締緣編緩緬緯練緻縛縣縧縫縮縱縴縷總績繃織繕繞繡繩繪繫繭繳繹繼續纍纏纓纔纖纜缽罈罎罰罵罷羅羣羨義習翫翹聖聞聯聰聲聳聶" +
        "職聽聾肅脅脈脣脩脫脹腎腦腫腳腸膚膠膩膽膿臉臍臘臟臥臨臺與興舉舊舘艙艦艱艷茲荊莊莖莢華萊萬葉葦葯葷蒐蒼蓆蓋蓮蔔蔘蔣蔥蔭蕩蕪" +
        "蕭薊薑薔薦薩藍藝藥藴藹蘆蘇蘊蘋蘭蘿處虛虜號虧蛻蝕蝦蝨蝸螞螢蟄蟬蟲蟻蠅蠍蠟蠱蠶蠻衆衊術衕衚衛衝裏補裝裡製複褲襖襪襬襯襲覈見" +
        "規覓視親覺覽觀觸訂訃計訊討訓訖託記訛訝訟訣訪設許訴診註証詐評詛詞詠詢詣試詩詫詭話該詳誅誇誌認誕誘語誠誡誣誤誦誨說説誰課誹" +
        "誼調諄談請諒論諜諧諮諱諷諸諺諾謀謂謄謅謊謎謗謙講謝謠謡謬謹謾譁證譏識譚譜譟譭譯議譴護譽讀變讒讓讕讚豈豎豐豔豬貓貝貞負財貢" +
        "貧貨販貪貫責貯貳貴貶買貸費貼貿賀賂賃賄資賈賊賒賓賜賞賠賢賣賤賦質賬賭賴賺購賽贅贈贊贍贏贓贖贛贜趕趙趨跡踐踰踴蹟蹤躊躍躥軀" +
        "車軋軌軍軒軟軸較載輓輔輕輛輝輥輩輪輯輸輻輾輿轄轅轉轍轎轟辦辭辮辯農迴這連週進遊運過達違遙遜遞遠遡適遲遷選遺遼邁還邊邏郵鄉" +
        "鄒鄖鄧鄭鄰鄲醖醜醞醫醬釀釁釋釐釘針釣釦釩釺鈅鈉鈍鈎鈔鈕鈞鈡鈣鈴鈾鉀鉅鉆鉑鉗鉚鉛鉢鉤鉸鉻銀銅銑銘銜銥銳銷銹銻鋁鋅鋇鋒鋤鋪鋭" +
        "鋰鋸鋼錄錐錘錠錢錦錨錫錯録錳錶鍁鍊鍋鍍鍘鍛鍬鍵鍺鍼鍾鎂鎊鎌鎖鎚鎢鎬鎭鎮鎳鏇鏈鏟鏡鏽鐐鐘鐮鐳鐵鑄鑑鑒鑰鑲鑷鑼鑽鑿長門閃閉開" +
        "閏閑閒間閘閡閣閤閥閨閩閱閲閹閻闆闇闊闌闖關闡闢陝陞陣陰陳陸陽隊階隕際隨險隱隴隸隻雖雙雛雜雞離難雲電霑霧靈靜鞏鞦韆韋韌韓韻" +
        "響頁頂頃項順須頌預頑頒頓頗領頤頭頰頸頹頻頽顆題額顏顔願顛類顧顫顯顱顴風颱颳飄飛飢飯飲飼飽飾餃餅養餌餒餓餘餞餡館餬餵餾饅饋" +
        "饑饒饞馬馭馮馱馳馴駁駐駒駕駛駝駡駭駱駿騁騎騙騰騷騾驅驕驗驚驟驢骯髒體髮鬆鬍鬚鬥鬧鬨鬱魚魯鮑鮮鯉鯨鰓鱉鱗鳥鳳鳴鴉鴕鴛鴦鴨鴻" +
        "鴿鵑鵝鵬鵰鵲鶴鷄鷗鷹鹵鹹鹼鹽麗麥麪麫麯麵麼黃點黨黴鼕齊齋齒齡齣齧齲龍龐龔龜";

    private const string SimplifiedChars =
        "丢并乱亘亚布占并来仑侣局系侠私俩仓个们幸值伦伟侧侦伪杰伞备家佣传债伤倾仅侨仆伪侥雇价仪俊亿侩俭尽偿优储凶兑儿内两册幂净冻" +
        "凛凯别删则克刹刚剥剐创铲划剧刘刽剑剂劲动务勋胜劳势勋励劝匀汇区协恤却即厕历厌厉参叁丛吴呐吕员念问启哑启唤丧吃乔单哟呛吗呜" +
        "叹呕尝哗啸恶嘘喷吨当吓尝啮咽咙向严嚣苏嘱囱国围园圆图团坝采执坚尧报场块涂坞尘堑垫增坠堕坛坟墙垦坛压垒坛坏垄坝壮壶寿够梦伙" +
        "夹奥夺奖奋妆奸娱娄妇妈娇婴婶娘孙学孪宫采寝实宁审写宽宠宝将专寻对导届尸屉屡层属冈峰岛峡昆岗仑岁崭岭屿岳岿峦岩帅师帐带帧帜" +
        "币帮干几库厕厢厩厦荫厨庙厂废广庐厅吊张强别弹弥弯录汇彦雕佛后径从复征彻恒耻悦闷凄恶恼爱栗态惨惭惯怂虑庆戚欲忧惫怜凭惮愤悯" +
        "宪忆恳应蒙惩懒怀悬惧慑恋战戏户抛挟舍卷扫抡挣挂采拣扬换挥损摇捣抢搂挚抠折掺捞撑挠掸拨抚扑挞挝捡拥掳择击挡担据挤捣拟摈拧搁" +
        "掷扩摆擞扰撵拢拦搀携摄攒挛摊搅揽教败叙敌数敛毙斩断于旗既升时晋昼晕畅暂历晓向旷晒书会术东拐栅拐查杆条弃棋枣栋栈栖杨枫业极" +
        "干荣构枪杠桨桩乐梁楼标枢样朴树桥机椭横档检台柠槛柜橱樱栏权钦叹欧欢岁历归残僵歼杀壳壳毁殴毡气氢泛泛污决没冲况溯泄汹凉凄泪" +
        "净凌沦渊浅涣减涡测浑凑涌汤准沟温湿沧灭涤汇沪滞渗卤滚满渔沤汉涟渍涨渐浆泼洁潜润溃涩浇涝涧泽淀浊浓湿泞蒙济涛滥潍滨溅滤泻沈" +
        "濒沥弥澜洒漓滩湾滦灾为乌烃无炼烟焕烦荧热炽烨灯烧烫营灿毁烛烩熏烬烁炉烂争为爷尔床墙牵犊牺状狭狈狰犹呆狱狮奖独狞获猎兽獭献" +
        "现雕珐琐瑶莹玛环琼瓮产产苏亩毕画异画当畴叠痉酸疯疡痪疮疟疗愈瘪痴痒症癣痈瘫发皂皑皱杯盗盏尽监盘卢荡真众困睁瞒蒙瞩矫朱砚硕" +
        "确码砖硷础碍矿砾矾秘禄祸御礼祷秃税秆棱种称谷积颖秽稳获窝洼穷窑窥窜窍灶窃竖竞笔笋个笺节范筑筛篓蓑简签帘篮筹笼签篱箩吁粤粪" +
        "粮团纠纪约红纫纹纳纽纾纯纱纸级纷纺扎细绅绍终弦组绊结绝绦绞络绚给绒统丝绝绢绑绣绥捆经综绿绸线维纲网绷缀彩纶绽绰绵紧绿绪缄" +
        "线缉缎缔缘编缓缅纬练致缚县绦缝缩纵纤缕总绩绷织缮绕绣绳绘系茧缴绎继续累缠缨才纤缆钵坛坛罚骂罢罗群羡义习玩翘圣闻联聪声耸聂" +
        "职听聋肃胁脉唇修脱胀肾脑肿脚肠肤胶腻胆脓脸脐腊脏卧临台与兴举旧馆舱舰艰艳兹荆庄茎荚华莱万叶苇药荤搜苍席盖莲卜参蒋葱荫荡芜" +
        "萧蓟姜蔷荐萨蓝艺药蕴蔼芦苏蕴苹兰萝处虚虏号亏蜕蚀虾虱蜗蚂萤蛰蝉虫蚁蝇蝎蜡蛊蚕蛮众蔑术同胡卫冲里补装里制复裤袄袜摆衬袭核见" +
        "规觅视亲觉览观触订讣计讯讨训讫托记讹讶讼诀访设许诉诊注证诈评诅词咏询诣试诗诧诡话该详诛夸志认诞诱语诚诫诬误诵诲说说谁课诽" +
        "谊调谆谈请谅论谍谐咨讳讽诸谚诺谋谓誊诌谎谜谤谦讲谢谣谣谬谨谩哗证讥识谭谱噪毁译议谴护誉读变谗让谰赞岂竖丰艳猪猫贝贞负财贡" +
        "贫货贩贪贯责贮贰贵贬买贷费贴贸贺赂赁贿资贾贼赊宾赐赏赔贤卖贱赋质账赌赖赚购赛赘赠赞赡赢赃赎赣赃赶赵趋迹践逾踊迹踪踌跃蹿躯" +
        "车轧轨军轩软轴较载挽辅轻辆辉辊辈轮辑输辐辗舆辖辕转辙轿轰办辞辫辩农回这连周进游运过达违遥逊递远溯适迟迁选遗辽迈还边逻邮乡" +
        "邹郧邓郑邻郸酝丑酝医酱酿衅释厘钉针钓扣钒钎钥钠钝钩钞钮钧钟钙铃铀钾巨钻铂钳铆铅钵钩铰铬银铜铣铭衔铱锐销锈锑铝锌钡锋锄铺锐" +
        "锂锯钢录锥锤锭钱锦锚锡错录锰表锨炼锅镀铡锻锹键锗针钟镁镑镰锁锤钨镐镇镇镍旋链铲镜锈镣钟镰镭铁铸鉴鉴钥镶镊锣钻凿长门闪闭开" +
        "闰闲闲间闸阂阁合阀闺闽阅阅阉阎板暗阔阑闯关阐辟陕升阵阴陈陆阳队阶陨际随险隐陇隶只虽双雏杂鸡离难云电沾雾灵静巩秋千韦韧韩韵" +
        "响页顶顷项顺须颂预顽颁顿颇领颐头颊颈颓频颓颗题额颜颜愿颠类顾颤显颅颧风台刮飘飞饥饭饮饲饱饰饺饼养饵馁饿余饯馅馆糊喂馏馒馈" +
        "饥饶馋马驭冯驮驰驯驳驻驹驾驶驼骂骇骆骏骋骑骗腾骚骡驱骄验惊骤驴肮脏体发松胡须斗闹哄郁鱼鲁鲍鲜鲤鲸鳃鳖鳞鸟凤鸣鸦鸵鸳鸯鸭鸿" +
        "鸽鹃鹅鹏雕鹊鹤鸡鸥鹰卤咸碱盐丽麦面面曲面么黄点党霉冬齐斋齿龄出啮龋龙庞龚龟";

    // Traditional forms of characters in county and prefecture names (瀏陽, 潁上, 閬中 …) whose simplified form is not a
    // level-1 character, so the table above left them out; same source (OpenCC TSCharacters), chosen by the division tables.
    private const string PlaceNameTraditionalChars = "嵐嶧嶗崍湞溮瀏潯淶淥澠漵琿甌碭礄禪縉絳薌滎鎣藺蘄訥詔謨譙賚鄴郟鄆閔閬陘潁驛驊鮁鳩欒樺樅暉兗瀘涇";

    private const string PlaceNameSimplifiedChars = "岚峄崂崃浈浉浏浔涞渌渑溆珲瓯砀硚禅缙绛芗荥蓥蔺蕲讷诏谟谯赉邺郏郓闵阆陉颍驿骅鲅鸠栾桦枞晖兖泸泾";

    private static readonly FrozenDictionary<char, char> TraditionalToSimplified = BuildTable();

    // The same table flat, by character (a key of TraditionalToSimplified, and what it maps to; else the character itself):
    // normalisation and ToSimplified look up every character of a document, and an array index is cheaper than a hash.
    private static readonly bool[] IsTableKey = BuildKeys();

    private static readonly char[] SimplifiedOf = BuildSimplifiedOf();

    private static bool[] BuildKeys()
    {
        var keys = new bool[char.MaxValue + 1];
        foreach (var c in TraditionalToSimplified.Keys)
        {
            keys[c] = true;
        }

        return keys;
    }

    private static char[] BuildSimplifiedOf()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            table[c] = TraditionalToSimplified.TryGetValue((char)c, out var s) ? s : (char)c;
        }

        return table;
    }

    private static FrozenDictionary<char, char> BuildTable()
    {
        var d = new Dictionary<char, char>(TraditionalChars.Length);
        for (var i = 0; i < TraditionalChars.Length; i++)
        {
            d[TraditionalChars[i]] = SimplifiedChars[i];
        }

        for (var i = 0; i < PlaceNameTraditionalChars.Length; i++)
        {
            d.TryAdd(PlaceNameTraditionalChars[i], PlaceNameSimplifiedChars[i]);
        }

        return d.ToFrozenDictionary();
    }

    /// <summary>The built-in traditional → simplified character table (read-only), e.g. to build traditional test variants.</summary>
    public static IReadOnlyDictionary<char, char> TraditionalTable => TraditionalToSimplified;

    /// <summary>Number of traditional characters the built-in table maps (for diagnostics and tests).</summary>
    public static int TraditionalTableSize => TraditionalToSimplified.Count;

    /// <summary>
    /// Normalises <paramref name="text"/>: NFKC (full-width digits, letters and punctuation → ASCII), traditional →
    /// simplified, every dash or tilde range mark (—, ——, －, –, ~, ～, 〜) → one <c>-</c> (至/到 are kept),
    /// pinyin glosses after a character removed (<c>增長(zhǎng)</c> → <c>增长</c>), whitespace runs → one space, trimmed.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        var pendingSpace = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (c == '(' && sb.Length > 0 && IsCjk(sb[^1]) && TryPinyinGloss(s, i, out var end))
            {
                i = end; // skip "(zhǎng)"
                continue;
            }

            if (IsDash(c))
            {
                while (i + 1 < s.Length && IsDash(s[i + 1]))
                {
                    i++;
                }

                c = '-';
            }
            else if (TraditionalToSimplified.TryGetValue(c, out var simplified))
            {
                c = simplified;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Like <see cref="Normalize"/> but keeping positions: every output character records the index of the input character
    /// it came from (<paramref name="sourceIndex"/>), so a match in the normalised text can be highlighted in the original.
    /// </summary>
    /// <remarks>
    /// Differences from <see cref="Normalize"/>: white space is kept one for one (not collapsed or trimmed), so line breaks
    /// still separate paragraphs; NFKC is applied character by character (full-width digits and punctuation, ideographic
    /// space). Dash runs become one <c>-</c>, pinyin glosses are dropped and traditional characters become simplified, as
    /// in <see cref="Normalize"/>. Linear in the input; never throws for non-null input.
    /// </remarks>
    public static string NormalizeKeepingOffsets(string text, out int[] sourceIndex)
    {
        var normalized = NormalizeKeepingOffsetRuns(text, out var map);
        sourceIndex = [.. map];
        return normalized;
    }

    /// <summary>
    /// <see cref="NormalizeKeepingOffsets(string, out int[])"/> with the map kept as the runs where it jumps (a dash run, a
    /// gloss, a character NFKC expands), not one int per character; text that needs no change is returned as it is. On
    /// megabytes of input this keeps the document to one string in memory, where a per-character map took twice its size.
    /// </summary>
    public static string NormalizeKeepingOffsetRuns(string text, out OffsetMap sourceIndex)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new OffsetBuffer(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsCjk(c))
            {
                output.Add(SimplifiedOf[c], i); // the common case first: no CJK character is a bracket or a dash
                continue;
            }

            if (c == '(' || c == '\uFF08')
            {
                if (output.Count > 0 && IsCjk(output.Last) && TryPinyinGlossAt(text, i, out var end))
                {
                    i = end;
                    continue;
                }
            }

            if (IsDash(c))
            {
                while (i + 1 < text.Length && IsDash(text[i + 1]))
                {
                    i++;
                }

                output.Add('-', i);
                continue;
            }

            if (c < '\u0080' || char.IsSurrogate(c))
            {
                output.Add(c, i);
                continue;
            }

            if (IsCjk(c))
            {
                output.Add(TraditionalToSimplified.TryGetValue(c, out var s1) ? s1 : c, i);
                continue;
            }

            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                var half = (char)(c - 0xFEE0); // full-width ASCII: one character, no string per character
                output.Add(IsDash(half) ? '-' : TraditionalToSimplified.TryGetValue(half, out var s3) ? s3 : half, i);
                continue;
            }

            var folded = c == '\u3000' ? " " : FoldedChars[c] ??= NormalizeOrKeep(c); // 。、“” …: NFKC once per character kind
            foreach (var f in folded)
            {
                output.Add(IsDash(f) ? '-' : TraditionalToSimplified.TryGetValue(f, out var s2) ? s2 : f, i);
            }
        }

        return output.Finish(out sourceIndex);
    }

    /// <summary>
    /// The output of <see cref="NormalizeKeepingOffsetRuns"/>: while it copies the input one for one nothing
    /// is stored; at the first change the characters so far are copied into a buffer, and the map keeps one entry per jump.
    /// </summary>
    private sealed class OffsetBuffer(string text)
    {
        private readonly List<int> _runOut = [];
        private readonly List<int> _runSource = [];
        private char[]? _chars;
        private int _lastSource = -1;

        public int Count { get; private set; }

        public char Last => _chars is null ? text[Count - 1] : _chars[Count - 1];

        public void Add(char c, int source)
        {
            if (source != _lastSource + 1 || Count == 0)
            {
                _runOut.Add(Count);
                _runSource.Add(source);
            }

            _lastSource = source;
            if (_chars is null)
            {
                if (source == Count && c == text[source])
                {
                    Count++;
                    return;
                }

                // Rented, not allocated: the buffer is as long as the document (megabytes, on the large object heap) and only
                // lives until Finish copies it into the normalised string.
                _chars = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, Count + 16));
                text.CopyTo(0, _chars, 0, Count);
            }
            else if (Count == _chars.Length)
            {
                var larger = ArrayPool<char>.Shared.Rent(_chars.Length * 2);
                _chars.AsSpan(0, Count).CopyTo(larger);
                ArrayPool<char>.Shared.Return(_chars);
                _chars = larger;
            }

            _chars[Count++] = c;
        }

        public string Finish(out OffsetMap map)
        {
            map = new OffsetMap([.. _runOut], [.. _runSource], Count);
            if (_chars is null)
            {
                return Count == text.Length ? text : text[..Count];
            }

            var normalized = new string(_chars, 0, Count);
            ArrayPool<char>.Shared.Return(_chars);
            _chars = null;
            return normalized;
        }
    }

    // NFKC of single characters, filled on first use (a benign race: every writer stores an equal string).
    private static readonly string?[] FoldedChars = new string?[0x10000];

    /// <summary>NFKC of one character; a code point .NET refuses to normalise (U+FFFE, U+FFFF …) is kept as it is.</summary>
    private static string NormalizeOrKeep(char c)
    {
        try
        {
            return c.ToString().Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return c.ToString();
        }
    }

    /// <summary>A pinyin gloss starting at <paramref name="open"/> with an ASCII or full-width parenthesis.</summary>
    private static bool TryPinyinGlossAt(string s, int open, out int close)
    {
        close = -1;
        var j = open + 1;
        while (j < s.Length && j - open <= 9 && IsPinyinLetter(s[j]))
        {
            j++;
        }

        if (j == open + 1 || j >= s.Length || s[j] is not (')' or '\uFF09'))
        {
            return false;
        }

        close = j;
        return true;
    }

    /// <summary>True when <paramref name="text"/> has at least one character the built-in table converts to simplified.</summary>
    public static bool ContainsTraditional(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (TraditionalToSimplified.ContainsKey(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Converts only traditional characters to simplified; everything else is unchanged.</summary>
    public static string ToSimplified(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = 0;
        while (first < text.Length && !IsTableKey[text[first]])
        {
            first++;
        }

        if (first == text.Length)
        {
            return text; // already simplified: no copy (the extractor calls this for every fact it emits)
        }

        return string.Create(text.Length, (text, first), static (span, state) =>
        {
            var (src, from) = state;
            src.AsSpan(0, from).CopyTo(span);
            for (var i = from; i < src.Length; i++)
            {
                span[i] = SimplifiedOf[src[i]];
            }
        });
    }

    /// <summary>CJK unified ideographs (basic block and extension A) and 〇.</summary>
    internal static bool IsCjk(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or '〇';

    private static bool IsDash(char c) => c is '-' or '~' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015'
        or '\u2212' or '\u301C' or '\uFF0D' or '\uFF5E' or '\uFE58' or '\uFE63';

    /// <summary>"(zhǎng)": lowercase latin letters, possibly with tone marks, 1–8 of them, in ASCII parentheses.</summary>
    private static bool TryPinyinGloss(string s, int open, out int close)
    {
        close = -1;
        var j = open + 1;
        while (j < s.Length && j - open <= 9 && IsPinyinLetter(s[j]))
        {
            j++;
        }

        if (j == open + 1 || j >= s.Length || s[j] != ')')
        {
            return false;
        }

        close = j;
        return true;
    }

    private static bool IsPinyinLetter(char c)
    {
        if (c is >= 'a' and <= 'z')
        {
            return true;
        }

        if (c < '\u00C0' || char.GetUnicodeCategory(c) != UnicodeCategory.LowercaseLetter)
        {
            return false;
        }

        // āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê: a latin base letter with a diacritic.
        var baseChar = c.ToString().Normalize(NormalizationForm.FormD)[0];
        return baseChar is >= 'a' and <= 'z';
    }
}
