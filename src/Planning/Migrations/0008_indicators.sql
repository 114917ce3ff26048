-- Plan indicators (主要指标): a canonical dictionary (plans name the same indicator differently), the plans of a
-- district or the city with their targets as printed, and values entered by hand for what Planning cannot compute.
CREATE TABLE indicators (
    code     text   PRIMARY KEY,
    name     text   NOT NULL,
    english  text   NOT NULL,
    unit     text   NOT NULL,
    better   text   NOT NULL CHECK (better IN ('higher', 'lower')),
    aliases  text[] NOT NULL DEFAULT '{}',
    -- How Planning computes it from its own data; null when it comes from elsewhere (entered as observations).
    formula  text
);

CREATE TABLE plans (
    id              text    PRIMARY KEY,
    area_code       text    NOT NULL CHECK (area_code ~ '^[0-9]{6}$'),
    area_name       text    NOT NULL,
    title           text    NOT NULL,
    baseline_year   integer NOT NULL,
    target_year     integer NOT NULL CHECK (target_year > baseline_year),
    document_status text    NOT NULL CHECK (document_status IN ('final', 'draft')),
    source          text    NOT NULL
);

-- A target as printed: the label, the value with its comparator kept apart ("＞99" is '>' and 99), and the stage
-- for indicators given per stage. Targets may be below baselines (河北's 公办园 >64 → >60): nothing checks that.
CREATE TABLE plan_targets (
    plan_id             text    NOT NULL REFERENCES plans (id),
    indicator_code      text    NOT NULL REFERENCES indicators (code),
    stage               text    NOT NULL DEFAULT '' CHECK (stage IN ('', 'primary', 'junior_secondary', 'senior_secondary', 'vocational')),
    label               text    NOT NULL,
    baseline_comparator text    NOT NULL DEFAULT '' CHECK (baseline_comparator IN ('', '>', '≥', '<', '≤')),
    baseline_value      numeric,
    target_comparator   text    NOT NULL DEFAULT '' CHECK (target_comparator IN ('', '>', '≥', '<', '≤')),
    target_value        numeric NOT NULL,
    binding             boolean,
    PRIMARY KEY (plan_id, indicator_code, stage)
);

CREATE TABLE indicator_observations (
    area_code      text        NOT NULL CHECK (area_code ~ '^[0-9]{6}$'),
    indicator_code text        NOT NULL REFERENCES indicators (code),
    stage          text        NOT NULL DEFAULT '',
    year           integer     NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    value          numeric     NOT NULL,
    source         text        NOT NULL,
    entered_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (area_code, indicator_code, stage, year)
);

INSERT INTO indicators (code, name, english, unit, better, aliases, formula) VALUES
    ('preschool_gross_enrolment', '学前三年毛入园率', 'Preschool three-year gross enrolment rate', '%', 'higher', '{学前教育三年毛入园率,学前三年入园率}', 'kindergarten pupils / population aged 3-5'),
    ('inclusive_kindergarten_coverage', '普惠性幼儿园覆盖率', 'Inclusive kindergarten coverage', '%', 'higher', '{普惠性学前教育资源覆盖率,普惠园在园幼儿占比}', 'pupils in public and inclusive private kindergartens / all kindergarten pupils'),
    ('public_kindergarten_share', '公办园在园幼儿比例', 'Share of kindergarten pupils in public kindergartens', '%', 'higher', '{公办园在园幼儿占比,公办在园占比}', 'pupils in public kindergartens / all kindergarten pupils'),
    ('compulsory_retention', '义务教育巩固率', 'Compulsory education retention rate', '%', 'higher', '{}', 'grade 9 pupils / grade 1 pupils eight years before'),
    ('senior_gross_enrolment', '高中阶段毛入学率', 'Senior secondary gross enrolment rate', '%', 'higher', '{高中阶段教育毛入学率}', 'general senior secondary pupils / population aged 15-17 (中职 is not in the registry, so this is a lower bound)'),
    ('zoned_schooling_share', '义务教育学区化办学比例', 'Share of compulsory schools run in school districts (学区化)', '%', 'higher', '{}', 'open compulsory schools in a 学区 / all open compulsory schools (registry today)'),
    ('large_class_share', '义务教育学校大班额比例', 'Share of large classes (56+) in compulsory schools', '%', 'lower', '{大班额比例}', 'classes of grades 1-9 whose grade averages 56 or more pupils a class / all such classes (registry classes, latest enrolment)'),
    ('disabled_compulsory_enrolment', '残疾儿童义务教育阶段入学率', 'Disabled children''s compulsory enrolment rate', '%', 'higher', '{残疾儿童少年入学率}', NULL),
    ('physical_health_good', '学生体质健康优良率', 'Students rated good or excellent on the physical-health standard', '%', 'higher', '{学生体质优良率}', NULL),
    ('myopia_rate', '儿童青少年总体近视率', 'Myopia rate of children and adolescents', '%', 'lower', '{}', NULL),
    ('wireless_coverage', '基础教育无线网覆盖率', 'Wireless network coverage of schools', '%', 'higher', '{}', NULL),
    ('dual_qualified_secondary_vocational', '中职学校"双师型"教师占比', 'Dual-qualified teachers in secondary vocational schools', '%', 'higher', '{}', NULL),
    ('dual_qualified_higher_vocational', '高职院校"双师型"教师占比', 'Dual-qualified teachers in higher vocational colleges', '%', 'higher', '{}', NULL),
    ('dual_qualified_vocational', '职业教育"双师型"教师占比', 'Dual-qualified teachers in vocational education', '%', 'higher', '{}', NULL),
    ('higher_gross_enrolment', '高等教育毛入学率', 'Higher education gross enrolment rate', '%', 'higher', '{}', NULL),
    ('higher_students_per_100k', '每十万人口高等教育平均在校生数', 'Higher education students per 100,000 people', '人', 'higher', '{}', NULL),
    ('working_age_schooling_years', '劳动年龄人口平均受教育年限', 'Average years of schooling of the working-age population', '年', 'higher', '{}', NULL),
    ('new_workers_schooling_years', '新增劳动者平均受教育年限', 'Average years of schooling of new workers', '年', 'higher', '{}', NULL),
    ('lifelong_learning_visits', '服务市民终身学习人次', 'Lifelong-learning attendances', '人次', 'higher', '{}', NULL),
    ('rural_teachers_bachelor', '农村义务教育专任教师本科及以上学历比例', 'Rural compulsory teachers with a bachelor''s degree or above', '%', 'higher', '{}', NULL),
    ('quality_balanced_districts', '义务教育优质均衡区比例', 'Districts certified for quality-balanced compulsory education', '%', 'higher', '{}', NULL),
    ('university_teachers_masters', '普通高校具有硕士及以上学位的专任教师比例', 'University teachers with a master''s degree or above', '%', 'higher', '{}', NULL),
    ('dual_supervisor_share', '专业学位研究生双导师比例', 'Professional-degree postgraduates with two supervisors', '%', 'higher', '{}', NULL),
    ('equipment_value_per_student', '生均教学仪器设备值', 'Teaching equipment value per student', '万元', 'higher', '{}', NULL);

INSERT INTO plans (id, area_code, area_name, title, baseline_year, target_year, document_status, source) VALUES
    ('hongqiao-15', '120106', '红桥区', '表1 "十五五"时期红桥区教育现代化发展主要指标', 2025, 2030, 'final', 'seeds 000 (红桥区 15th FYP); the 2025 column is achieved'),
    ('hebei-14', '120105', '河北区', '"十四五"期间河北区教育事业发展主要目标', 2020, 2025, 'draft', 'seeds 001 (河北区 14th FYP, 征求意见稿)'),
    ('tianjin-14', '120000', '天津市', '"十四五"期间天津教育事业发展主要目标', 2020, 2025, 'final', 'seeds 002 (天津市 14th FYP)'),
    ('dongli-14', '120110', '东丽区', '"十四五"期间东丽教育事业发展主要目标', 2020, 2025, 'final', 'seeds 003 (东丽区 14th FYP; table, not text)');

INSERT INTO plan_targets (plan_id, indicator_code, stage, label, baseline_comparator, baseline_value, target_comparator, target_value, binding) VALUES
    ('hongqiao-15', 'preschool_gross_enrolment', '', '学前教育三年毛入园率（%）', '', 98.1, '', 99, NULL),
    ('hongqiao-15', 'inclusive_kindergarten_coverage', '', '普惠性幼儿园覆盖率（%）', '', 94.8, '', 96, NULL),
    ('hongqiao-15', 'compulsory_retention', '', '义务教育巩固率（%）', '', 99, '', 99, NULL),
    ('hongqiao-15', 'senior_gross_enrolment', '', '高中阶段教育毛入学率（%）', '', 99, '', 99, NULL),
    ('hongqiao-15', 'disabled_compulsory_enrolment', '', '残疾儿童义务教育阶段入学率（%）', '', 99, '', 100, NULL),
    ('hongqiao-15', 'physical_health_good', '', '学生体质健康优良率（%）', '', 50, '', 65, NULL),

    ('hebei-14', 'preschool_gross_enrolment', '', '学前三年毛入园率（%）', '>', 85, '>', 90, false),
    ('hebei-14', 'compulsory_retention', '', '义务教育巩固率（%）', '>', 99, '>', 99, true),
    ('hebei-14', 'senior_gross_enrolment', '', '高中阶段毛入学率（%）', '>', 98, '>', 98, false),
    ('hebei-14', 'public_kindergarten_share', '', '公办园在园幼儿比例（%）', '>', 64, '>', 60, false),
    ('hebei-14', 'inclusive_kindergarten_coverage', '', '普惠性学前教育资源覆盖率（%）', '>', 85, '>', 80, false),
    ('hebei-14', 'zoned_schooling_share', '', '义务教育学区化办学比例（%）', '', 100, '', 100, false),
    ('hebei-14', 'large_class_share', '', '义务教育学校大班额比例（%）', '', 0, '', 0, false),
    ('hebei-14', 'physical_health_good', '', '学生体质优良率（%）', '', 17.8, '', 50, false),
    ('hebei-14', 'myopia_rate', '', '儿童青少年总体近视率（%）', '', 58.2, '', 53.2, false),
    ('hebei-14', 'wireless_coverage', '', '基础教育无线网覆盖率（%）', '', 58.8, '', 100, false),
    ('hebei-14', 'dual_qualified_secondary_vocational', '', '中职学校"双师型"教师占比（%）', '', 60, '', 70, false),
    ('hebei-14', 'dual_qualified_higher_vocational', '', '高职院校"双师型"教师占比（%）', '', 75, '', 90, false),

    ('tianjin-14', 'preschool_gross_enrolment', '', '学前三年毛入园率（%）', '', 92.3, '', 93, false),
    ('tianjin-14', 'compulsory_retention', '', '义务教育巩固率（%）', '', 99, '>', 99, true),
    ('tianjin-14', 'senior_gross_enrolment', '', '高中阶段毛入学率（%）', '', 98, '>', 98, false),
    ('tianjin-14', 'higher_gross_enrolment', '', '高等教育毛入学率（%）', '', 65, '>', 65, false),
    ('tianjin-14', 'higher_students_per_100k', '', '每十万人口高等教育平均在校生数（人）', '', 4500, '', 4500, false),
    ('tianjin-14', 'working_age_schooling_years', '', '劳动年龄人口平均受教育年限（年）', '', 12.03, '', 12.3, true),
    ('tianjin-14', 'new_workers_schooling_years', '', '新增劳动者平均受教育年限（年）', '', 15.5, '', 15.5, false),
    ('tianjin-14', 'lifelong_learning_visits', '', '服务市民终身学习人次', '', 3500000, '', 5000000, false),
    ('tianjin-14', 'public_kindergarten_share', '', '公办园在园幼儿比例（%）', '', 50, '>', 50, false),
    ('tianjin-14', 'inclusive_kindergarten_coverage', '', '普惠性学前教育资源覆盖率（%）', '', 80, '>', 80, false),
    ('tianjin-14', 'zoned_schooling_share', '', '义务教育学区化办学比例（%）', '', 95, '', 99, false),
    ('tianjin-14', 'large_class_share', '', '义务教育学校大班额比例（%）', '', 0, '', 0, false),
    ('tianjin-14', 'rural_teachers_bachelor', '', '农村义务教育专任教师本科及以上学历比例（%）', '', 87.5, '', 90, false),
    ('tianjin-14', 'quality_balanced_districts', '', '义务教育优质均衡区比例（%）', '', 0, '', 100, false),
    ('tianjin-14', 'physical_health_good', '', '学生体质优良率（%）', '', 19.9, '', 50, false),
    ('tianjin-14', 'myopia_rate', '', '儿童青少年总体近视率（%）', '', 53.5, '', 48.5, false),
    ('tianjin-14', 'wireless_coverage', '', '基础教育无线网覆盖率（%）', '', 42, '', 100, false),
    ('tianjin-14', 'dual_qualified_vocational', '', '职业教育"双师型"教师占比（%）', '', 60, '', 70, false),
    ('tianjin-14', 'university_teachers_masters', '', '普通高校具有硕士及以上学位的专任教师比例（%）', '', 73.2, '', 75, false),
    ('tianjin-14', 'dual_supervisor_share', '', '专业学位研究生双导师比例（%）', '', 40, '', 50, false),

    ('dongli-14', 'preschool_gross_enrolment', '', '学前三年毛入园率（%）', '', 91.5, '', 95, false),
    ('dongli-14', 'inclusive_kindergarten_coverage', '', '普惠性幼儿园覆盖率（%）', '', 68, '', 83, false),
    ('dongli-14', 'compulsory_retention', '', '义务教育巩固率（%）', '', 100, '>', 99, true),
    ('dongli-14', 'senior_gross_enrolment', '', '高中阶段毛入学率（%）', '', 96.7, '>', 99, false),
    ('dongli-14', 'disabled_compulsory_enrolment', '', '残疾儿童少年入学率（%）', '', 95.76, '>', 99, false),
    ('dongli-14', 'equipment_value_per_student', 'primary', '生均教学仪器设备值（万元）小学', '', 0.50, '', 0.60, false),
    ('dongli-14', 'equipment_value_per_student', 'junior_secondary', '生均教学仪器设备值（万元）初中', '', 0.76, '', 0.90, false),
    ('dongli-14', 'equipment_value_per_student', 'senior_secondary', '生均教学仪器设备值（万元）普通高中', '', 0.79, '', 1.3, false),
    ('dongli-14', 'equipment_value_per_student', 'vocational', '生均教学仪器设备值（万元）中职学校', '', 2.99, '', 3.5, false),
    ('dongli-14', 'physical_health_good', 'primary', '学生体质健康优良率（%）小学', '', 37.42, '', 60, false),
    ('dongli-14', 'physical_health_good', 'junior_secondary', '学生体质健康优良率（%）初中', '', 47.41, '', 60, false),
    ('dongli-14', 'physical_health_good', 'senior_secondary', '学生体质健康优良率（%）高中', '', 21.56, '', 50, false);
