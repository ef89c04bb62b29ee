#!/usr/bin/env python3
"""Deterministic benchmark corpus for gongkai.

    python3 bench/gen_corpus.py --reports N --out DIR [--years 2019-2025] [--seed 1] [--force] [--stats]
                                [--documents D]

Writes a complete gongkai site into DIR:

    DIR/site.toml
    DIR/content/reports/<slug>/agency.yaml
    DIR/content/reports/<slug>/<year>.md

N reports are spread over ceil(N / number_of_years) agencies (slugs a00001, a00002, …); every
agency covers consecutive years from the first year of the range, the last agency fewer if N is
not a multiple of the number of years. Kinds cycle 人民政府 / 部门 / 乡镇 / 街道; the 部门, 乡镇
and 街道 after a 人民政府 name it as `parent`.

Every report is meant to pass `gongkai check --deny-warnings`: all tables filled with full rows
(totals included) that satisfy every sum rule of its form, consecutive years linked (结转,
现行有效件数, 上一年项目数量), no 规章 for 乡镇/街道, the six official sections, about 1,500
characters of narrative assembled from fragment pools (so consecutive years share few
sentences), only the report year (and the next year in section 五) written as `YYYY年`, and
figures in the text either unrelated to the tables' claims or equal to them.

With --documents D, the catalogue too: D documents under DIR/content/documents/<slug>/, spread
round-robin over the agencies, published on days of the year range, topics and 第二十条 items
cycling through the built-in vocabulary (src/forms/catalogue.json), kinds that table 二 does not
count (the reports' 规章 and 行政规范性文件 figures then have no documents behind them: `check`
warns DOC-T2 for them, and builds everything); about one in ten 失效 and one in twenty 废止
(replaced by the agency's next document), and every tenth a 解读 (文种 政策解读) of the agency's previous one.

Same arguments -> byte-identical output: each agency has its own random.Random seeded from
(seed, agency number), so an agency's reports do not depend on N either.
Standard library only (Python 3.11).
"""

from __future__ import annotations

import argparse
import math
import random
import re
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

KINDS = ["人民政府", "部门", "乡镇", "街道"]

APP_COLS = ["natural", "commercial", "research", "nonprofit", "legal", "other"]

RESULT_ROWS_COMMON = (
    ["granted", "partial"]
    + [f"denied_{i}" for i in range(1, 9)]
    + [f"unable_{i}" for i in range(1, 4)]
    + [f"not_processed_{i}" for i in range(1, 6)]
)
RESULT_ROWS_2019 = RESULT_ROWS_COMMON + ["other"]
RESULT_ROWS_2021 = RESULT_ROWS_COMMON + ["other_1", "other_2", "other_3"]

# How likely each outcome is (relative weights), shaped like published reports.
RESULT_WEIGHTS = {
    "granted": 40, "partial": 12,
    "denied_1": 0.3, "denied_2": 0.6, "denied_3": 0.4, "denied_4": 1.2,
    "denied_5": 0.8, "denied_6": 1.2, "denied_7": 0.6, "denied_8": 2.0,
    "unable_1": 18, "unable_2": 2.0, "unable_3": 1.0,
    "not_processed_1": 3.0, "not_processed_2": 2.0, "not_processed_3": 0.3,
    "not_processed_4": 0.3, "not_processed_5": 0.6,
    "other": 4.0, "other_1": 3.0, "other_2": 0.5, "other_3": 2.0,
}

ROW_LABELS = {
    "new": "一、本年新收政府信息公开申请数量",
    "carried_in": "二、上年结转政府信息公开申请数量",
    "granted": "三、本年度办理结果 （一）予以公开",
    "partial": "（二）部分公开",
    "denied_1": "（三）不予公开 1.属于国家秘密",
    "denied_2": "（三）不予公开 2.其他法律行政法规禁止公开",
    "denied_3": "（三）不予公开 3.危及“三安全一稳定”",
    "denied_4": "（三）不予公开 4.保护第三方合法权益",
    "denied_5": "（三）不予公开 5.属于三类内部事务信息",
    "denied_6": "（三）不予公开 6.属于四类过程性信息",
    "denied_7": "（三）不予公开 7.属于行政执法案卷",
    "denied_8": "（三）不予公开 8.属于行政查询事项",
    "unable_1": "（四）无法提供 1.本机关不掌握相关政府信息",
    "unable_2": "（四）无法提供 2.没有现成信息需要另行制作",
    "unable_3": "（四）无法提供 3.补正后申请内容仍不明确",
    "not_processed_1": "（五）不予处理 1.信访举报投诉类申请",
    "not_processed_2": "（五）不予处理 2.重复申请",
    "not_processed_3": "（五）不予处理 3.要求提供公开出版物",
    "not_processed_4": "（五）不予处理 4.无正当理由大量反复申请",
    "not_processed_5": "（五）不予处理 5.要求行政机关确认或重新出具已获取信息",
    "other": "（六）其他处理",
    "other_1": "（六）其他处理 1.逾期不补正",
    "other_2": "（六）其他处理 2.逾期未缴纳费用",
    "other_3": "（六）其他处理 3.其他",
    "total": "（七）总计",
    "carried_out": "四、结转下年度继续办理",
}

SECTION_TITLES = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]

# Per kind: (scale of application numbers, chance an applicant column is 0,
#            scale of licensing/enforcement decisions, chance of 规章 activity)
PROFILE = {
    "人民政府": dict(apps=60, zero=0.35, decisions=3000, rules=0.6),
    "部门": dict(apps=18, zero=0.5, decisions=800, rules=0.0),
    "乡镇": dict(apps=5, zero=0.65, decisions=60, rules=0.0),
    "街道": dict(apps=6, zero=0.65, decisions=40, rules=0.0),
}

# Applicant columns: relative size against the 自然人 column.
COL_SHARE = {"natural": 1.0, "commercial": 0.2, "research": 0.03, "nonprofit": 0.03, "legal": 0.1, "other": 0.05}


# --------------------------------------------------------------------------------------------
# Narrative fragment pools. Sentences are assembled from one pick per pool, so two years of one
# agency rarely share a sentence (X-DUP compares sentences with digits masked). No figure in the
# text is followed by 件 except the deliberate claims, which equal the tables (TXT-NUM).
# --------------------------------------------------------------------------------------------

INTRO_A = ["{Y}年，{me}", "{Y}年度，{me}", "本年度，{me}", "过去一年，{me}", "今年以来，{me}", "一年来，{me}"]
INTRO_B = [
    "坚持以习近平新时代中国特色社会主义思想为指导",
    "深入贯彻落实党中央、国务院关于全面推进政务公开的决策部署",
    "认真贯彻落实《条例》各项规定",
    "按照上级政务公开工作要点的统一部署",
    "紧紧围绕法治政府建设目标任务",
    "围绕中心工作和人民群众关切",
    "坚持以公开为常态、不公开为例外",
    "坚持以人民为中心的发展思想",
    "对照政务公开考核评估指标",
    "在上级政务公开主管部门的指导下",
    "把政务公开作为转变政府职能的重要抓手",
]
INTRO_C = [
    "持续深化基层政务公开标准化规范化建设",
    "扎实推进重点领域政府信息公开",
    "不断提升政策解读和回应关切质效",
    "着力健全政府信息公开工作机制",
    "全面推进决策、执行、管理、服务、结果公开",
    "积极拓展政务公开渠道和载体",
    "认真做好依申请公开办理工作",
    "切实加强政府信息公开平台建设",
    "稳步推进政务公开向基层延伸",
    "进一步规范政府信息公开工作流程",
    "不断丰富政务公开的内容和形式",
    "持续优化政务公开专区服务功能",
]
INTRO_D = [
    "政务公开工作取得了新的进展",
    "较好完成了年度各项工作任务",
    "公开质量和实效进一步提升",
    "政府透明度和公信力不断增强",
    "群众的知情权、参与权和监督权得到有效保障",
    "为经济社会发展营造了良好环境",
    "政务公开工作水平稳步提高",
    "公开工作的针对性和实效性明显增强",
]
INTRO_F = ["全年召开政务公开专题会议{n}次，研究部署重点任务", "{me}主要负责同志多次听取政务公开工作汇报",
           "{me}将政务公开工作与业务工作同谋划、同推进", "{me}制定并印发了本年度政务公开工作方案",
           "{me}对照年度工作要点逐项建立任务台账", "{me}调整充实了政务公开工作领导小组"]
INTRO_G = ["，确保各项任务落到实处", "，明确了责任分工和完成时限", "，推动政务公开工作提质增效",
           "，为做好全年工作提供了有力保障", "，形成了上下联动的工作格局"]
INTRO2_A = ["同时，{me}", "此外，{me}", "与此同时，{me}", "在此基础上，{me}", "{me}还"]
INTRO_E = [
    "各项工作均按照时间节点有序推进",
    "公开工作与业务工作同部署、同落实",
    "政务公开的制度基础更加扎实",
    "社会各界对政务公开工作的评价持续向好",
    "公开内容更加贴近群众生产生活需要",
    "主动公开、依申请公开和政策解读工作统筹推进",
    "工作机制运转顺畅、责任落实到位",
]

ACT_A = ["全年", "本年度", "年内", "一年来，", "全年累计"]
ACT_B = ["通过{ch}", "依托{ch}", "在{ch}上", "借助{ch}"]
CHANNELS = ["政府门户网站", "政府信息公开专栏", "政务新媒体", "政务公开栏", "政务服务大厅",
            "政务微信公众号", "政务微博", "村（居）务公开栏", "政府公报"]
ACT_C = ["主动公开各类政府信息{n}条", "发布政府信息{n}条", "公开各类信息{n}条", "更新发布政务信息{n}条"]
INFO_TYPES = ["机构职能", "政策文件", "规划计划", "工作动态", "人事信息", "财政资金", "公示公告",
              "应急管理", "民生保障", "重大项目", "公共服务", "行政执法"]

FOC_A = ["围绕{f1}、{f2}等重点领域", "聚焦{f1}和{f2}等群众关注的事项", "紧扣{f1}、{f2}等工作",
         "针对{f1}、{f2}等方面", "结合{f1}和{f2}等年度重点任务"]
FOCUS = ["乡村振兴", "社会救助", "教育卫生", "生态环境", "安全生产", "食品药品", "就业创业", "养老服务",
         "营商环境", "征地拆迁", "财政预决算", "公共资源配置", "重大建设项目", "防汛抗旱", "住房保障",
         "义务教育", "医疗保障", "农村人居环境"]
FOC_B = ["及时准确发布相关信息", "做到应公开尽公开", "持续加大信息公开力度", "细化公开内容和标准",
         "同步更新办事指南和政策文件", "推动公开内容全覆盖", "分类梳理并集中公开相关信息"]
FOC_C = ["", "，方便群众查阅", "，主动接受社会监督", "，确保信息发布及时准确", "，切实保障群众知情权",
         "，进一步提升公开的针对性"]

INT_A = ["制作发布政策解读材料{n}篇", "围绕出台的政策文件发布解读{n}篇", "开展政策解读{n}次",
         "发布图解、动漫等解读产品{n}篇", "组织主要负责人解读政策{n}次"]
INT_B = ["，采用{m1}、{m2}等形式", "，综合运用{m1}和{m2}等方式", "，通过{m1}、{m2}等载体",
         "，以{m1}和{m2}相结合的方式"]
MEDIA = ["图文解读", "视频解读", "专家解读", "一图读懂", "问答解读", "H5页面", "现场宣讲", "媒体访谈", "音频解读"]
INT_C = ["，推动政策入脑入心", "，提升政策知晓度", "，让群众看得懂、用得上", "，增强了政策的可及性",
         "，有效回应社会关切", "，帮助企业和群众准确理解政策"]

EVT_A = ["组织召开新闻发布会{n}场", "举办政府开放日活动{n}次", "开展政务公开进社区活动{n}场",
         "组织在线访谈{n}次", "邀请群众代表列席会议{n}次", "开展政策宣讲活动{n}场"]
EVT_B = ["，主动发布权威信息", "，广泛听取意见建议", "，及时回应群众关切", "，增进社会各界对政府工作的了解",
         "，推动政务公开与政务服务融合", "，拓宽了公众参与渠道"]

ACT_END_A = ["{me}同步做好政府信息公开指南和公开目录的更新维护", "{me}按规定在公开平台集中公开{doc}",
             "{me}坚持政策文件与解读材料同步组织、同步审签、同步部署", "{me}建立健全政务舆情收集、研判和回应机制",
             "{me}完善重大行政决策预公开制度", "{me}加强政府信息公开与政务服务的衔接"]
ACT_END_B = ["，确保公开信息的完整性和权威性", "，广泛征求社会公众意见", "，提高了公开工作的规范化水平",
             "，群众反映的问题得到及时回应", "，进一步增强了公开实效", "，做到公开内容一目了然"]
LIST_INTRO = ["重点做好以下公开工作：", "本年度重点推进了以下工作：", "主要工作举措如下：",
              "围绕重点领域开展了以下工作：", "具体做法如下："]
LIST_TOPICS = [  # (topic, what is published)
    ("财政信息", ["预决算报告和“三公”经费情况", "财政专项资金分配和使用情况"]),
    ("重大项目", ["项目审批、建设和验收信息", "重大建设项目批准和实施信息"]),
    ("民生保障", ["救助对象、标准和资金发放情况", "低保、特困供养等民生资金发放情况"]),
    ("行政执法", ["执法主体、依据和结果信息", "行政处罚和行政许可结果信息"]),
    ("公共资源", ["招标采购和中标结果", "公共资源交易和国有产权转让信息"]),
    ("规划信息", ["规划编制和调整情况", "国土空间规划和专项规划信息"]),
    ("人事信息", ["招录、任免和考核信息", "公开招聘和人员调整信息"]),
    ("应急信息", ["预警信息和处置进展", "突发事件应对和防灾减灾信息"]),
    ("涉企政策", ["惠企政策清单和申报指南", "减税降费和助企纾困政策"]),
    ("教育医疗", ["招生政策和医疗服务信息", "义务教育入学和医保报销政策"]),
    ("环境保护", ["环境监测和整改情况", "环境影响评价和污染治理信息"]),
    ("农业农村", ["惠农补贴发放情况", "农村人居环境整治和乡村建设信息"]),
]
LIST_A = ["按要求公开{a}", "及时发布{a}", "集中公开{a}", "动态更新{a}", "分类公开{a}", "逐项梳理并公开{a}"]
LIST_B = ["确保公开内容准确完整", "接受社会监督", "做到应公开尽公开", "方便群众查询", "公开时限符合规定要求",
          "实现动态管理", "做到有据可查"]

APP_A = ["{me}严格按照《条例》规定办理政府信息公开申请", "{me}进一步规范依申请公开办理流程",
         "{me}健全依申请公开登记、审核、办理工作机制", "{me}坚持依法依规办理依申请公开事项",
         "{me}持续提升依申请公开办理质量"]
APP_B = ["，做到登记、审核、办理、归档全流程管理", "，确保在法定期限内作出回复", "，加强与申请人的沟通",
         "，对疑难申请集体会商研判", "，实行台账管理和办理时限提醒", "，严格落实首问负责制"]
APP_C = ["，告知书格式规范、告知内容明确", "，申请人满意度不断提高", "，未发生逾期办理情况",
         "，办理质量进一步提升", "", "，做到事事有回音"]
APP2_A = ["{me}畅通网上申请、信函申请和当面申请等渠道", "{me}在政务服务大厅设立依申请公开服务窗口",
          "{me}及时更新发布政府信息公开指南", "{me}规范依申请公开告知书文本", "{me}对依申请公开办理情况开展自查"]
APP2_B = ["，方便群众提出申请", "，明确申请方式和办理程序", "，提升告知书的规范性和说服力",
          "，及时纠正办理中的不规范问题", "，申请渠道畅通便捷"]
APP_NONE = ["本年度{me}未收到政府信息公开申请", "全年{me}未发生依申请公开事项"]

MGT_A = ["{me}严格落实政府信息公开保密审查制度", "{me}建立健全信息发布协调机制",
         "{me}落实“先审查、后公开”和“一事一审”原则", "{me}加强政府信息源头管理",
         "{me}定期对已公开信息进行清理", "{me}严格执行信息发布三级审核制度"]
MGT_B = ["，明确公开属性认定责任", "，规范信息发布审核流程", "，对拟公开信息逐条审核把关",
         "，及时更新失效和废止的政策文件", "，动态调整主动公开目录", "，完善信息公开工作台账"]
MGT_C = ["，防止泄密和不当公开", "，确保公开信息准确规范", "，提升信息管理规范化水平",
         "，全年未发生信息安全事件", "", "，做到权责清晰、流程规范"]
MGT2_A = ["{me}建立政府信息公开属性源头认定机制", "{me}按季度开展已公开信息回头看",
          "{me}规范政府信息公开工作档案管理", "{me}加强对涉及个人隐私信息的审查", "{me}组织开展公开目录核查"]
MGT2_B = ["，在公文拟制环节明确公开属性", "，对错误信息及时更正", "，做到资料齐全、归档及时",
          "，避免泄露个人隐私", "，提升了信息管理的规范化水平"]
DOC_A = ["对本机关制发的{doc}开展合法性审核", "按要求对{doc}进行集中清理", "将{doc}统一纳入公开目录管理",
         "及时公开{doc}的制定和废止情况"]
DOC_B = ["，确保文件合法有效", "，做到应公开尽公开", "，方便群众查询和使用", "，并同步做好解读工作"]

TABLE_INTRO = ["各公开渠道人员配备情况如下：", "各平台信息发布人员配备情况见下表：",
               "公开渠道及人员配备情况如下：", "本年度各渠道人员分工如下："]
TABLE_HEAD = [("渠道", "专职", "兼职"), ("平台", "专职", "兼职"), ("渠道", "编辑", "审核")]
TABLE_CHANNELS = ["政府网站", "微信公众号", "政务微博", "公开栏", "服务大厅", "政务APP", "热线电话", "政务抖音", "政府公报"]

PLT_A = ["{me}持续优化{ch}栏目设置", "{me}加强{ch}日常运维管理", "{me}推进{ch}集约化建设",
         "{me}完善{ch}内容保障机制", "{me}规范{ch}信息发布"]
PLT_B = ["，定期开展内容巡查", "，及时调整空白和更新不及时的栏目", "，提升信息检索和查阅便利度",
         "，落实信息更新责任到人", "，规范栏目名称和发布格式", "，加强与上级平台的数据对接"]
PLT_C = ["，平台服务能力进一步增强", "，群众获取信息更加便捷", "，全年平台运行平稳", "",
         "，平台检查合格率达到{p}%"]
NM_A = ["政务新媒体全年发布信息{n}条", "政务新媒体累计推送信息{n}条", "全年通过新媒体渠道公布信息{n}条"]
NM_B = ["，阅读量累计{k}万余次", "，关注用户达{k}千余人", "，留言回复率达到{p}%", ""]

SUP_A = ["{me}将政务公开工作纳入年度绩效考核", "{me}成立政务公开工作领导小组",
         "{me}组织开展政务公开业务培训{n}次", "{me}建立政务公开工作责任清单", "{me}主动邀请社会监督评议",
         "{me}明确一名负责人分管政务公开工作"]
SUP_B = ["，明确分管领导和具体经办人员", "，压实各科室公开责任", "，对照问题清单逐项整改",
         "，定期通报工作情况", "，参训人员覆盖各业务科室", "，形成一级抓一级的工作格局"]
SUP_C = ["，全年未发生因政府信息公开工作引发的责任追究", "，工作人员业务能力明显提升",
         "，监督保障机制更加健全", "", "，推动各项工作落地见效"]

SEC2 = ["本年度主动公开政府信息情况见下表。", "主动公开政府信息情况统计如下表所示。", "相关统计数据见下表。",
        "本机关主动公开政府信息情况如下。"]
SEC3 = ["本年度收到和处理政府信息公开申请情况见下表。", "依申请公开办理情况统计如下表所示。",
        "具体办理情况见下表。", "申请的收到和处理情况如下。"]
SEC4 = ["政府信息公开行政复议、行政诉讼情况见下表。", "相关复议和诉讼情况统计如下。",
        "具体情况如下表所示。", "有关情况统计如下。"]

PROB_INTRO = ["{me}政务公开工作还存在一些不足：", "对照新要求和群众新期待，仍存在一些问题：",
              "工作中还存在以下薄弱环节：", "经自查，主要存在以下问题："]
PROBLEMS = ["政策解读的形式还不够丰富", "信息公开的及时性有待提高", "工作人员业务能力还需加强",
            "基层政务公开标准化规范化程度不高", "公开内容与群众需求的契合度不够", "政务新媒体更新频率偏低",
            "依申请公开办理规范性有待提升", "部分栏目内容更新不够及时", "公众参与渠道还不够畅通",
            "文件清理工作存在滞后", "信息公开数据统计不够精细", "互动回应的时效性还需增强",
            "工作人员流动性较大", "公开平台的检索功能还不完善"]
PROB_SUFFIX = ["，与群众期待仍有差距", "，需要进一步改进", "", "，影响了公开效果", "，亟待加强",
               "，距离上级要求还有差距"]
IMPR_INTRO = ["针对上述问题，{N}年{me}将重点做好以下工作：", "下一步，{me}将从以下方面加以改进：",
              "{N}年，{me}将采取以下措施：", "针对存在的问题，{me}将着力抓好以下工作："]
IMPROVEMENTS = ["加强政策解读，推动解读形式多样化", "严格落实信息发布时限要求", "定期组织业务培训，提升队伍素质",
                "深化基层政务公开标准化规范化建设", "围绕群众关切细化公开内容", "加强政务新媒体日常管理",
                "规范依申请公开办理流程", "健全栏目内容保障机制", "拓宽公众参与渠道",
                "及时做好{doc}清理工作", "完善信息公开统计台账", "提升互动回应时效",
                "保持工作人员相对稳定", "优化公开平台检索功能"]
IMPR_SUFFIX = ["", "，不断提升公开质量", "，切实增强工作实效", "，推动工作再上新台阶", "，确保取得实效"]

IMPR_END = ["通过上述措施，进一步提升政务公开工作水平。", "{me}将以问题为导向，持续抓好整改落实。",
            "力争政务公开工作取得更大实效。", "推动政务公开工作迈上新台阶。", "切实把各项改进措施落到实处。"]
OTHER_2021_FEE = ["本年度{me}未收取信息处理费。", "{Y}年，{me}依据《政府信息公开信息处理费管理办法》收取信息处理费{fee}元。",
                  "全年{me}未发生收取信息处理费的情形。"]
OTHER_PROPOSAL = ["{me}承办人大代表建议{a}项、政协委员提案{b}项，均已按期办复并依法公开。",
                  "本年度共承办建议提案{a}项，办理结果已按规定公开。",
                  "{me}认真落实本年度政务公开工作要点，各项任务均按期完成。",
                  "{me}按要求开展了政务公开自查，发现的问题均已整改到位。"]
OTHER_END = ["本年度无其他需要报告的事项。", "无其他需要报告的事项。", "除上述情况外，无其他需要报告的事项。"]

PRE_A = ["本报告由{name}根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定编制。",
         "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，{name}编制本年度报告。",
         "依据《中华人民共和国政府信息公开条例》和上级有关工作要求，{name}编制了本报告。",
         "按照《中华人民共和国政府信息公开条例》（以下简称《条例》）的规定，现公布{name}本年度政府信息公开工作年度报告。"]
PRE_B = ["报告所列统计期限自{Y}年1月1日至{Y}年12月31日。",
         "本报告中所列数据的统计期限自{Y}年1月1日至{Y}年12月31日止。",
         "统计期限自{Y}年1月1日至{Y}年12月31日。"]
PRE_C = ["如对本报告有疑问，请与{office}联系（电话：{phone}）。",
         "本报告电子版可在门户网站政府信息公开专栏下载，如有疑问请与{office}联系（电话：{phone}）。",
         "如对报告内容有疑问，请联系{office}，联系电话{phone}。"]


def pick(rng: random.Random, pool: list[str]) -> str:
    return pool[rng.randrange(len(pool))]


def steady(st: "AgencyState", key: str, value):
    """value kept within 4 times the agency's figure of the year before (either way): an agency's
    decisions or fees do not jump tenfold from one year to the next (X-JUMP). No draw from rng."""
    prev = st.last.get(key)
    if prev and value:
        value = max(type(value)(prev / 4), min(value, type(value)(prev * 4)))
    st.last[key] = value
    return value


def small(rng: random.Random, hi: int, p_zero: float) -> int:
    """0 with probability p_zero, else 1..hi (hi ≥ 1), skewed towards small values."""
    if hi < 1 or rng.random() < p_zero:
        return 0
    return 1 + int((hi - 1) * rng.random() ** 2)


# --------------------------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------------------------


class AgencyState:
    """What one year's report hands on to the next."""

    def __init__(self, rng: random.Random, kind: str):
        prof = PROFILE[kind]
        self.kind = kind
        self.last: dict = {}  # figures of the year before, for steady()
        self.scale = prof["apps"] * (0.4 + 1.6 * rng.random())
        self.carried = [small(rng, max(1, int(self.scale * COL_SHARE[c] * 0.1)), 0.75) for c in APP_COLS]
        can_rules = rng.random() < prof["rules"]
        self.can_rules = can_rules
        self.rules_stock = rng.randint(3, 40) if can_rules else 0
        self.normative_stock = rng.randint(0, 60) if kind in ("人民政府", "部门") else rng.randint(0, 12)
        # 2019 form 上一年项目数量 per row
        self.items = {
            ("licensing", "permit"): rng.randint(0, 120) if kind in ("人民政府", "部门") else rng.randint(0, 15),
            ("licensing", "services"): rng.randint(0, 60),
            ("enforcement", "penalty"): rng.randint(0, 300) if kind != "街道" else rng.randint(0, 30),
            ("enforcement", "coercion"): rng.randint(0, 40),
            ("fees", "fees"): rng.randint(0, 20) if kind in ("人民政府", "部门") else rng.randint(0, 3),
        }


def gen_applications(rng: random.Random, st: AgencyState, result_rows: list[str]) -> dict[str, list[int]]:
    prof = PROFILE[st.kind]
    rows: dict[str, list[int]] = {k: [0] * 6 for k in ["new", "carried_in", *result_rows, "carried_out"]}
    weights = [RESULT_WEIGHTS[r] for r in result_rows]
    for c, col in enumerate(APP_COLS):
        hi = max(1, int(st.scale * COL_SHARE[col] * (0.5 + rng.random())))
        p_zero = prof["zero"] if col == "natural" else min(0.95, prof["zero"] + 0.25)
        new = small(rng, hi, p_zero * (0.3 if col == "natural" else 1.0))
        cin = st.carried[c]
        avail = new + cin
        cout = 0
        if avail and rng.random() < 0.35:
            cout = rng.randint(0, max(0, avail // 6))
        done = avail - cout
        rows["new"][c] = new
        rows["carried_in"][c] = cin
        rows["carried_out"][c] = cout
        if done:
            for r in rng.choices(result_rows, weights=weights, k=done):
                rows[r][c] += 1
        st.carried[c] = cout
    out: dict[str, list[int]] = {}
    for key in ["new", "carried_in", *result_rows]:
        out[key] = rows[key] + [sum(rows[key])]
    total = [sum(rows[r][c] for r in result_rows) for c in range(6)]
    out["total"] = total + [sum(total)]
    out["carried_out"] = rows["carried_out"] + [sum(rows["carried_out"])]
    # Self-check of the three rules of 表三.
    for c in range(7):
        assert out["new"][c] + out["carried_in"][c] == out["total"][c] + out["carried_out"][c]
        assert out["total"][c] == sum(out[r][c] for r in result_rows)
    return out


def gen_appeals(rng: random.Random, kind: str) -> dict[str, list[int]]:
    hi, p = {"人民政府": (6, 0.55), "部门": (3, 0.75), "乡镇": (1, 0.9), "街道": (1, 0.9)}[kind]
    out = {}
    for group, shrink in (("review", 1.0), ("direct", 0.6), ("after_review", 0.4)):
        cells = [small(rng, max(1, int(hi * shrink)), min(0.97, p + (1 - shrink) * 0.3)) for _ in range(4)]
        out[group] = cells + [sum(cells)]
    return out


def fmt_row(values: list, width: int = 4) -> str:
    return "[" + ", ".join(str(v).rjust(width) for v in values) + "]"


def gen_front_2019(rng: random.Random, st: AgencyState) -> tuple[list[str], dict]:
    prof = PROFILE[st.kind]
    # regulations: made, published, cumulative (published ≤ cumulative)
    regs = {}
    for row in ("rules", "normative"):
        if row == "rules" and not st.can_rules:
            regs[row] = [0, 0, 0]
            continue
        made = small(rng, 4 if row == "rules" else 12, 0.4)
        published = made if rng.random() < 0.8 else rng.randint(0, made)
        if row == "rules":
            st.rules_stock += published
            regs[row] = [made, published, st.rules_stock]
        else:
            st.normative_stock += published
            regs[row] = [made, published, st.normative_stock]
    figs: dict = {"regulations": regs}
    out = []
    out.append("regulations:        # 第二十条第（一）项 — 本年新制作数量, 本年新公开数量, 对外公开总数量")
    out.append(f"  rules:     {fmt_row(regs['rules'], 3)}   # 规章")
    out.append(f"  normative: {fmt_row(regs['normative'], 3)}   # 规范性文件")
    tables = [
        ("licensing", "第二十条第（五）项 — 上一年项目数量, 本年增/减, 处理决定数量",
         [("permit", "行政许可"), ("services", "其他对外管理服务事项")], True),
        ("enforcement", "第二十条第（六）项 — 上一年项目数量, 本年增/减, 处理决定数量",
         [("penalty", "行政处罚"), ("coercion", "行政强制")], True),
        ("fees", "第二十条第（八）项 — 上一年项目数量, 本年增/减", [("fees", "行政事业性收费")], False),
    ]
    for key, caption, rows, has_decisions in tables:
        out.append(f"{key}:{' ' * max(1, 19 - len(key))}# {caption}")
        for row, label in rows:
            last = st.items[(key, row)]
            change = rng.randint(-min(last, 4), 6) if rng.random() < 0.6 else 0
            st.items[(key, row)] = last + change  # next year's 上一年项目数量
            vals = [last, change]
            if has_decisions:
                scale = 1.0 if row in ("permit", "penalty") else 0.2
                vals.append(steady(st, key + row, small(rng, max(1, int(prof["decisions"] * scale)), 0.3)))
            out.append(f"  {row + ':':<10}{fmt_row(vals, 4)}   # {label}")
    projects = steady(st, "projects", small(rng, 60 if st.kind in ("人民政府", "部门") else 15, 0.3))
    if projects == 0:
        amount = "0元"
    elif rng.random() < 0.5:
        amount = f"{steady(st, 'amount', projects * rng.randint(20, 3000) * 100 / 10000) * 10000:.0f}元"
    else:
        amount = f"{steady(st, 'amount', projects * rng.randint(2, 300) / 10):.1f}万元"
    out.append("procurement:        # 第二十条第（九）项 — 采购项目数量, 采购总金额")
    out.append(f"  central: [{projects}, {amount}]   # 政府集中采购")
    apps = gen_applications(rng, st, RESULT_ROWS_2019)
    appeals = gen_appeals(rng, st.kind)
    figs["applications"] = apps
    figs["appeals"] = appeals
    return out, figs


def gen_front_2021(rng: random.Random, st: AgencyState) -> tuple[list[str], dict]:
    prof = PROFILE[st.kind]
    regs = {}
    for row in ("rules", "normative"):
        if row == "rules" and not st.can_rules:
            regs[row] = [0, 0, 0]
            continue
        stock = st.rules_stock if row == "rules" else st.normative_stock
        issued = small(rng, 3 if row == "rules" else 12, 0.4)
        repealed = rng.randint(0, min(stock, 4 if row == "rules" else 10)) if rng.random() < 0.5 else 0
        stock = stock + issued - repealed
        if row == "rules":
            st.rules_stock = stock
        else:
            st.normative_stock = stock
        regs[row] = [issued, repealed, stock]
    figs: dict = {"regulations": regs}
    out = ["regulations:        # 第二十条第（一）项 — 本年制发件数, 本年废止件数, 现行有效件数",
           f"  rules:     {fmt_row(regs['rules'], 3)}   # 规章",
           f"  normative: {fmt_row(regs['normative'], 3)}   # 行政规范性文件"]
    d = prof["decisions"]
    out.append("licensing:          # 第二十条第（五）项 — 本年处理决定数量")
    out.append(f"  permit: {steady(st, 'licensingpermit', small(rng, d, 0.2))}   # 行政许可")
    out.append("enforcement:        # 第二十条第（六）项 — 本年处理决定数量")
    out.append(f"  penalty:  {steady(st, 'enforcementpenalty', small(rng, d, 0.25))}   # 行政处罚")
    out.append(f"  coercion: {steady(st, 'enforcementcoercion', small(rng, max(1, d // 10), 0.5))}   # 行政强制")
    if rng.random() < (0.3 if st.kind in ("人民政府", "部门") else 0.8):
        fee = "0"
    else:
        fee = f"{steady(st, 'fees', rng.randint(1, max(2, d * 30)) / 10):.1f}"
    out.append("fees:               # 第二十条第（八）项 — 本年收费金额（单位：万元）")
    out.append(f"  fees: {fee}   # 行政事业性收费")
    apps = gen_applications(rng, st, RESULT_ROWS_2021)
    appeals = gen_appeals(rng, st.kind)
    figs["applications"] = apps
    figs["appeals"] = appeals
    return out, figs


def front_matter(rng: random.Random, st: AgencyState, year: int, agency: dict) -> tuple[str, dict]:
    form2019 = year <= 2020
    gen = gen_front_2019 if form2019 else gen_front_2021
    head = [f"year: {year}"]
    # published: 10–25 January of the next year (before every deadline)
    head.append(f"published: {year + 1}-01-{rng.randint(10, 25):02d}")
    head.append(f"title: {agency['name']}{year}年政府信息公开工作年度报告")
    body_lines, figs = gen(rng, st)
    lines = ["---", *head, "", "# 二、主动公开政府信息情况", *body_lines, ""]
    apps = figs["applications"]
    result_rows = RESULT_ROWS_2019 if form2019 else RESULT_ROWS_2021
    lines.append("# 三、收到和处理政府信息公开申请情况")
    lines.append("# columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计")
    lines.append("applications:")
    for key in ["new", "carried_in", *result_rows, "total", "carried_out"]:
        lines.append(f"  {key + ':':<17}{fmt_row(apps[key], 3)}   # {ROW_LABELS[key]}")
    lines.append("")
    lines.append("# 四、政府信息公开行政复议、行政诉讼情况")
    lines.append("# each list: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计")
    lines.append("appeals:")
    labels = {"review": "行政复议", "direct": "行政诉讼 · 未经复议直接起诉", "after_review": "行政诉讼 · 复议后起诉"}
    for g in ("review", "direct", "after_review"):
        lines.append(f"  {g + ':':<14}{fmt_row(figs['appeals'][g], 2)}   # {labels[g]}")
    lines.append("---")
    return "\n".join(lines) + "\n", figs


# --------------------------------------------------------------------------------------------
# Narrative
# --------------------------------------------------------------------------------------------

ME = {"人民政府": ["我县", "县政府", "本级政府"], "部门": ["我局", "本局", "本机关"],
      "乡镇": ["我镇", "镇政府", "本镇"], "街道": ["我街道", "街道办事处", "本街道"]}

CLAIM_CHECK = re.compile(r"\d\s*件")


def narrative(rng: random.Random, year: int, agency: dict, figs: dict) -> str:
    kind = agency["kind"]
    form2019 = year <= 2020
    doc = "规范性文件" if form2019 else "行政规范性文件"

    def me() -> str:
        return pick(rng, ME[kind])

    def fill(s: str, **kw) -> str:
        base = dict(Y=year, N=year + 1, me=me(), doc=doc, name=agency["name"],
                    office=agency["office"], phone=agency["phone"])
        base.update(kw)
        return s.format(**base)

    def n(lo: int, hi: int) -> int:
        return rng.randint(lo, hi)

    paras: list[str] = []
    claims: list[str] = []
    # preamble
    paras.append(fill(pick(rng, PRE_A)) + fill(pick(rng, PRE_B)) + fill(pick(rng, PRE_C)))
    paras.append("## " + SECTION_TITLES[0])

    def intro() -> str:
        s = fill(pick(rng, INTRO_A)) + pick(rng, INTRO_B) + "，" + pick(rng, INTRO_C) + "，" + pick(rng, INTRO_D) + "。"
        return s

    paras.append(intro() + pick(rng, INTRO_E) + "。" + fill(pick(rng, INTRO2_A)) + pick(rng, INTRO_C) + "，"
                 + pick(rng, INTRO_D) + "。" + fill(pick(rng, INTRO_F), n=n(2, 8)) + pick(rng, INTRO_G) + "。")

    # (一) 主动公开
    types = rng.sample(INFO_TYPES, rng.randint(2, 4))
    s1 = (pick(rng, ACT_A) + fill(pick(rng, ACT_B), ch=pick(rng, CHANNELS)) + fill(pick(rng, ACT_C), n=n(30, 2000))
          + "，其中" + "、".join(f"{t}{n(1, 300)}条" for t in types) + "。")
    f1, f2, f3, f4 = rng.sample(FOCUS, 4)
    fa, fb = rng.sample(FOC_A, 2)
    fc, fd = rng.sample(FOC_B, 2)
    s2 = (fill(fa, f1=f1, f2=f2) + "，" + fc + pick(rng, FOC_C) + "。"
          + fill(fb, f1=f3, f2=f4) + "，" + fd + pick(rng, FOC_C) + "。")
    m1, m2 = rng.sample(MEDIA, 2)
    s3 = fill(pick(rng, INT_A), n=n(1, 60)) + fill(pick(rng, INT_B), m1=m1, m2=m2) + pick(rng, INT_C) + "。"
    s4 = fill(pick(rng, EVT_A), n=n(1, 20)) + pick(rng, EVT_B) + "。"
    extra = [s2, s3, s4]
    rng.shuffle(extra)
    paras.append("**（一）主动公开情况。**" + s1 + "".join(extra)
                 + fill(pick(rng, ACT_END_A)) + pick(rng, ACT_END_B) + "。")
    items = []
    for topic, objs in rng.sample(LIST_TOPICS, rng.randint(3, 5)):
        items.append(f"- **{topic}**：" + fill(pick(rng, LIST_A), a=pick(rng, objs)) + "，" + pick(rng, LIST_B) + "。")
    paras.append(fill(pick(rng, ME[kind]) + pick(rng, LIST_INTRO)) + "\n\n" + "\n".join(items))

    # (二) 依申请公开
    apps, appeals = figs["applications"], figs["appeals"]
    if apps["new"][6] == 0 and apps["carried_in"][6] == 0:
        s = fill(pick(rng, APP_NONE)) + "。" + fill(pick(rng, APP_A)) + pick(rng, APP_B) + "。"
    else:
        s = fill(pick(rng, APP_A)) + pick(rng, APP_B) + pick(rng, APP_C) + "。"
        s += fill(pick(rng, APP2_A)) + pick(rng, APP2_B) + "。"
        if rng.random() < 0.6:
            clauses = []
            clauses.append(pick(rng, ["全年共收到政府信息公开申请{v}件", "本年度收到政府信息公开申请{v}件",
                                      "全年新收政府信息公开申请{v}件"]).format(v=apps["new"][6]))
            if apps["carried_in"][6] and rng.random() < 0.7:
                clauses.append(pick(rng, ["上年结转申请{v}件", "上年度结转的申请{v}件"]).format(v=apps["carried_in"][6]))
            if rng.random() < 0.7:
                clauses.append(pick(rng, ["本年度办结{v}件", "全年办结{v}件"]).format(v=apps["total"][6]))
            if apps["carried_out"][6] and rng.random() < 0.7:
                clauses.append(pick(rng, ["结转下年度继续办理{v}件", "另有{v}件结转下年度继续办理"]).format(v=apps["carried_out"][6]))
            claims.extend(clauses)
            s += "，".join(clauses) + "。"
    rv = appeals["review"][4]
    lit = appeals["direct"][4] + appeals["after_review"][4]
    if rv == 0 and lit == 0:
        s += pick(rng, ["本年度未发生因政府信息公开引起的行政复议、行政诉讼。",
                        "全年未出现涉及政府信息公开的复议和诉讼案件。", ""])
    elif rng.random() < 0.5:
        clauses = [f"因政府信息公开被申请行政复议{rv}件", f"被提起行政诉讼{lit}件"]
        claims.extend(clauses)
        s += "，".join(clauses) + "。"
    paras.append("**（二）依申请公开情况。**" + s)

    # (三) 政府信息管理
    s = (fill(pick(rng, MGT_A)) + pick(rng, MGT_B) + pick(rng, MGT_C) + "。"
         + fill(pick(rng, MGT2_A)) + pick(rng, MGT2_B) + "。"
         + fill(pick(rng, DOC_A)) + pick(rng, DOC_B) + "。")
    paras.append("**（三）政府信息管理情况。**" + s)

    # (四) 平台建设, with the staff table
    chs = rng.sample(CHANNELS, 2)
    s = (fill(pick(rng, PLT_A), ch=chs[0]) + pick(rng, PLT_B) + fill(pick(rng, PLT_C), p=n(90, 100)) + "。"
         + fill(pick(rng, NM_A), n=n(20, 3000)) + fill(pick(rng, NM_B), k=n(1, 90), p=n(80, 100)) + "。"
         + fill(pick(rng, PLT_A), ch=chs[1]) + pick(rng, PLT_B) + "。")
    paras.append("**（四）政府信息公开平台建设情况。**" + s)
    head = pick(rng, TABLE_HEAD)
    trows = [f"| {head[0]} | {head[1]} | {head[2]} |", "| --- | ---: | ---: |"]
    for ch in rng.sample(TABLE_CHANNELS, rng.randint(3, 5)):
        trows.append(f"| {ch} | {n(0, 3)} | {n(1, 4)} |")
    paras.append(pick(rng, TABLE_INTRO) + "\n\n" + "\n".join(trows))

    # (五) 监督保障
    s = "".join(fill(sa, n=n(1, 12)) + pick(rng, SUP_B) + pick(rng, SUP_C) + "。" for sa in rng.sample(SUP_A, 3))
    if kind in ("人民政府", "乡镇") and not form2019 and not any(w in s for w in ("考核", "评议", "责任追究")):
        # 条例 第五十条（四）: a government's report states its 工作考核、社会评议和责任追究结果 (GOV-50-4).
        # A fixed sentence, no draw from rng: the rest of the corpus stays byte-identical.
        s += "政务公开工作纳入年度绩效考核，全年未发生责任追究。"
    paras.append("**（五）政府信息公开监督保障情况。**" + s)

    paras.append("## " + SECTION_TITLES[1])
    paras.append(pick(rng, SEC2))
    paras.append("## " + SECTION_TITLES[2])
    paras.append(pick(rng, SEC3))
    paras.append("## " + SECTION_TITLES[3])
    paras.append(pick(rng, SEC4))

    paras.append("## " + SECTION_TITLES[4])
    probs = rng.sample(PROBLEMS, 3)
    ordinals = ["一是", "二是", "三是", "四是"]
    s = fill(pick(rng, PROB_INTRO)) + "；".join(
        ordinals[i] + p + pick(rng, PROB_SUFFIX) for i, p in enumerate(probs)) + "。"
    paras.append("**（一）存在的主要问题。**" + s)
    imps = rng.sample(IMPROVEMENTS, 4)
    s = fill(pick(rng, IMPR_INTRO)) + "；".join(
        ordinals[i] + fill(p) + pick(rng, IMPR_SUFFIX) for i, p in enumerate(imps)) + "。" + fill(pick(rng, IMPR_END))
    paras.append("**（二）改进情况。**" + s)

    paras.append("## " + SECTION_TITLES[5])
    s = ""
    if not form2019:
        s += fill(pick(rng, OTHER_2021_FEE), fee=n(10, 2000))
    s += fill(pick(rng, OTHER_PROPOSAL), a=n(1, 30), b=n(0, 20))
    s += pick(rng, OTHER_END)
    paras.append(s)

    text = "\n\n".join(paras) + "\n"
    # Only the deliberate claims (equal to the tables by construction) may put a figure before 件.
    rest = text
    for c in claims:
        rest = rest.replace(c, "")
    assert not CLAIM_CHECK.search(rest), rest
    return text


# --------------------------------------------------------------------------------------------
# Site
# --------------------------------------------------------------------------------------------


def agency_record(i: int, parent: str | None, rng: random.Random) -> dict:
    kind = KINDS[(i - 1) % 4]
    name = {
        "人民政府": f"某某第{i}县人民政府",
        "部门": f"某某县第{i}局",
        "乡镇": f"某某县第{i}镇人民政府",
        "街道": f"某某区第{i}街道办事处",
    }[kind]
    office = {
        "人民政府": f"某某第{i}县人民政府办公室",
        "部门": f"某某县第{i}局办公室",
        "乡镇": f"某某县第{i}镇党政综合办公室",
        "街道": f"某某区第{i}街道党政办公室",
    }[kind]
    return dict(
        slug=f"a{i:05d}", kind=kind, name=name, office=office,
        parent=parent if kind != "人民政府" else None,
        address=f"某某县人民路{rng.randint(1, 999)}号",
        postcode=f"{rng.randint(100000, 899999)}",
        phone=f"0{rng.randint(100, 999)}-{rng.randint(10000000, 89999999)}",
    )


def agency_yaml(a: dict) -> str:
    lines = ["# 机构信息 — described once, not repeated in each report",
             f"name: {a['name']}", f"kind: {a['kind']}"]
    if a["parent"]:
        lines.append(f"parent: {a['parent']}")
    if a.get("years"):
        lines.append(f"years: {a['years']}")
    lines += ["contact:", f"  office: {a['office']}", f"  address: {a['address']}",
              f"  postcode: \"{a['postcode']}\"", f"  phone: \"{a['phone']}\""]
    return "\n".join(lines) + "\n"


SITE_TOML = """# gongkai benchmark site, generated by bench/gen_corpus.py ({reports} reports, {agencies} agencies, years {y0}–{y1}, seed {seed}).
title = "基准测试站点"
description = "gongkai 基准测试语料：{reports} 份年度报告（{agencies} 个机构，{y0}–{y1} 年），由 bench/gen_corpus.py 生成。"
base_url = "https://example.gov.cn/xxgk/"
theme = "default"

# Publication deadlines, as MM-DD of the year after the report year (条例 第四十九条).
[deadlines]
department = "01-31"    # 部门
township = "01-31"      # 乡镇
subdistrict = "01-31"   # 街道
government = "03-31"    # 人民政府 (县级以上地方人民政府's own report)

[check]
similarity = 0.5        # X-DUP: share of last year's narrative repeated word for word
latest_year = {y1}      # X-GAP: the last report year the site covers
"""


def write(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


# X-DUP, as gongkai computes it (src/check/cross.rs), for --stats.
def _sentences(body: str) -> list[str]:
    out = []
    for line in body.split("\n"):
        if line.lstrip().startswith("#"):
            continue
        for s in re.split("[。！？；]", line):
            s = "".join("0" if c.isascii() and c.isdigit() else c for c in s
                        if not c.isspace() and c not in "*#|>-_")
            if len(s) >= 8:
                out.append(s)
    return out


def copied_share(prev: str, this: str) -> float:
    before = set(_sentences(prev))
    now = _sentences(this)
    total = sum(len(s) for s in now)
    return sum(len(s) for s in now if s in before) / total if total else 0.0


# 文种 that the reports' table 二 does not count, so documents never disagree with the reports.
DOC_KINDS = ["通知公告", "其他文件", "规划计划", "其他政策文件"]


def vocabulary() -> dict:
    """The built-in vocabulary of the catalogue (topics, kinds, 第二十条 items)."""
    import json
    here = Path(__file__).resolve().parent
    with open(here.parent / "src" / "forms" / "catalogue.json", encoding="utf-8") as f:
        return json.load(f)


def gen_documents(content: Path, n_docs: int, agencies: list[dict], years: list[int], seed: int) -> None:
    """Writes `n_docs` documents of the catalogue, spread over `agencies`."""
    topics = vocabulary()["topics"]
    rng = random.Random(seed * 7_919 + n_docs)
    days = (len(years) * 365) - 1
    per_agency: dict[str, list[str]] = {}
    for k in range(n_docs):
        a = agencies[k % len(agencies)]
        slug = a["slug"]
        mine = per_agency.setdefault(slug, [])
        seq = len(mine) + 1
        # Documents of one agency in date order, so that a replacement is newer than what it replaces.
        offset = min(days, (seq * days) // (n_docs // len(agencies) + 2) + rng.randint(0, 2))
        day = date(years[0], 1, 1) + timedelta(days=offset)
        name = f"d{seq:05d}"
        reading = seq % 10 == 0 and bool(mine)
        title = f"《{a['name']}关于做好第{seq - 1}项重点工作的通知》解读" if reading else f"{a['name']}关于做好第{seq}项重点工作的通知"
        lines = [
            "---",
            f"title: {title}",
            f"index_no: {slug.upper()}/{day.year}-{seq:05d}",
            f"written: {(day - timedelta(days=rng.randint(0, 6))).isoformat()}",
            f"published: {day.isoformat()}",
            f"doc_no: 某{slug[1:].lstrip('0')}政办〔{day.year}〕{seq}号",
            f"topic: {topics[k % len(topics)]}",
            f"kind: {'政策解读' if reading else DOC_KINDS[k % len(DOC_KINDS)]}",
            f"item: {k % 15 + 1}",
        ]
        roll = rng.random()
        has_next = k + len(agencies) < n_docs
        if roll < 0.05 and days - offset > 40 and has_next:
            lines += ["validity: 废止", f"validity_date: {(day + timedelta(days=30)).isoformat()}",
                      f"replaced_by: {slug}/d{seq + 1:05d}"]
        elif roll < 0.15 and days - offset > 40:
            lines += ["validity: 失效", f"validity_date: {(day + timedelta(days=30)).isoformat()}"]
        if reading:
            lines.append(f"interprets: {mine[-1]}")
        lines.append("---")
        body = "\n\n".join(f"第{i}条 {a['name']}按照有关规定做好相关工作，具体事项如下。" for i in range(1, rng.randint(4, 12)))
        write_mk(content / "documents" / slug / f"{name}.md", "\n".join(lines) + "\n" + body + "\n")
        mine.append(f"{slug}/{name}")


def write_mk(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write(path, text)


def parse_years(s: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d{4})(?:-(\d{4}))?", s.strip())
    if not m:
        raise argparse.ArgumentTypeError(f"--years must be YYYY or YYYY-YYYY, got {s!r}")
    y0 = int(m.group(1))
    y1 = int(m.group(2) or y0)
    if y0 < 2019 or y1 < y0:
        raise argparse.ArgumentTypeError("--years must lie in 2019 and later, first ≤ last")
    return y0, y1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Generate a deterministic gongkai benchmark site.")
    ap.add_argument("--reports", type=int, required=True, help="number of report files (N)")
    ap.add_argument("--out", type=Path, required=True, help="site folder to write")
    ap.add_argument("--years", type=parse_years, default=(2019, 2025), help="YYYY-YYYY (default 2019-2025)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--force", action="store_true", help="replace DIR/content and DIR/site.toml if present")
    ap.add_argument("--documents", type=int, default=0, help="number of catalogue documents (default 0)")
    ap.add_argument("--stats", action="store_true", help="print narrative length and X-DUP share statistics")
    args = ap.parse_args(argv)
    if args.reports < 1:
        ap.error("--reports must be at least 1")
    y0, y1 = args.years
    years = list(range(y0, y1 + 1))
    n_agencies = math.ceil(args.reports / len(years))
    out: Path = args.out
    content = out / "content"
    if content.exists() or (out / "site.toml").exists():
        if not args.force:
            ap.error(f"{out} already holds a site (content/ or site.toml); pass --force to replace them")
        shutil.rmtree(content, ignore_errors=True)
    reports_dir = content / "reports"
    reports_dir.mkdir(parents=True, exist_ok=True)
    write(out / "site.toml", SITE_TOML.format(reports=args.reports, agencies=n_agencies, y0=y0, y1=y1, seed=args.seed))

    han = re.compile(r"[\u4e00-\u9fff]")
    stat_chars: list[int] = []
    stat_share: list[float] = []
    written = 0
    parent = None
    made: list[dict] = []
    for i in range(1, n_agencies + 1):
        rng = random.Random(args.seed * 1_000_003 + i)
        kind = KINDS[(i - 1) % 4]
        if kind == "人民政府":
            parent = f"a{i:05d}"
        a = agency_record(i, parent, rng)
        made.append(a)
        adir = reports_dir / a["slug"]
        adir.mkdir()
        # every agency but the last covers all years; the last one what is left,
        # and says so (X-GAP would otherwise ask for its missing latest years)
        span = years[: min(len(years), args.reports - written)]
        if len(span) < len(years):
            a["years"] = f"{span[0]}-{span[-1]}"
        write(adir / "agency.yaml", agency_yaml(a))
        st = AgencyState(rng, kind)
        prev_body = None
        for year in span:
            front, figs = front_matter(rng, st, year, a)
            body = narrative(rng, year, a, figs)
            write(adir / f"{year}.md", front + "\n" + body)
            written += 1
            if args.stats:
                stat_chars.append(len(han.findall(body)))
                if prev_body is not None:
                    stat_share.append(copied_share(prev_body, body))
                prev_body = body
    assert written == args.reports, (written, args.reports)
    if args.documents > 0:
        gen_documents(content, args.documents, made, years, args.seed)
    if args.stats:
        stat_chars.sort()
        print(f"reports {written}, agencies {n_agencies}; narrative Han characters: "
              f"min {stat_chars[0]}, median {stat_chars[len(stat_chars) // 2]}, max {stat_chars[-1]}", file=sys.stderr)
        if stat_share:
            stat_share.sort()
            print(f"X-DUP share vs previous year: median {stat_share[len(stat_share) // 2]:.2f}, "
                  f"max {stat_share[-1]:.2f} (warning above 0.50)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
