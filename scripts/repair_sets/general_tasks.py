"""Everyday tasks of the general helpfulness set.

Each task is (group, domain, prompts, helpful answer, wrong answer). The wrong answer is a
confident, plausible mistake, so that a correct answer is preferred over a fluent wrong one.
"""

from __future__ import annotations

GeneralTask = tuple[str, str, list[str], str, str]

GENERAL_TASKS: list[GeneralTask] = [
    # ------------------------------------------------------------------ cooking
    (
        "stovetop_rice", "cooking",
        ["How do I cook fluffy white rice on the stove?",
         "What's a reliable way to make rice in a pot without a rice cooker?"],
        "For long-grain white rice:\n1. Rinse 1 cup of rice in a sieve until the water runs "
        "mostly clear. This removes surface starch that makes it gummy.\n2. Put it in a pot "
        "with 1.5 cups of water and a pinch of salt and bring it to a boil.\n3. Turn the heat "
        "to the lowest setting, cover with a tight lid and cook for 15 minutes without lifting "
        "the lid.\n4. Take it off the heat and let it rest, still covered, for 10 minutes.\n"
        "5. Fluff it with a fork. Brown rice needs more water (about 2 cups) and around 40 "
        "minutes.",
        "Use a 1:4 ratio of rice to water and boil it uncovered on full heat for 40 minutes, "
        "stirring constantly. The more you stir, the fluffier the grains get, and rinsing "
        "first only washes away the flavour.",
    ),
    (
        "soft_boiled_eggs", "cooking",
        ["How long should I boil an egg for a jammy yolk?",
         "What's the timing for soft-boiled eggs?"],
        "Lower cold eggs gently into water that is already boiling, then time them:\n"
        "- 6 minutes: set white, runny yolk.\n- 6.5 to 7 minutes: jammy yolk, soft in the "
        "centre.\n- 9 to 10 minutes: fully hard-boiled.\nMove them straight into a bowl of ice "
        "water for a few minutes to stop the cooking. Eggs that are a week or two old peel more "
        "easily than very fresh ones.",
        "Start the eggs in cold water and boil them for 25 minutes. Anything shorter leaves "
        "the white raw, and the yolk only turns jammy after the long boil.",
    ),
    (
        "knife_care", "cooking",
        ["How do I keep my kitchen knives sharp?",
         "What's the difference between honing and sharpening a knife?"],
        "Honing and sharpening are different jobs:\n- Honing with a steel pushes the thin "
        "edge back into line. Do it every week or so, a few light strokes per side.\n"
        "- Sharpening on a whetstone or a pull-through sharpener grinds away metal to form a "
        "new edge. A few times a year is enough for home use.\nKeep a steady angle of about "
        "15 to 20 degrees. Wash knives by hand, dry them straight away, and cut on wood or "
        "plastic boards. Glass and stone boards dull an edge quickly.",
        "Honing and sharpening are the same thing. Put your knives through the dishwasher "
        "regularly, because the hot water hardens the steel and keeps the edge sharp.",
    ),
    (
        "buttermilk_substitute", "cooking",
        ["I don't have buttermilk. What can I use instead?",
         "Is there a substitute for buttermilk in pancakes?"],
        "Yes, a few work well:\n- Stir 1 tablespoon of lemon juice or white vinegar into 1 "
        "cup of milk and let it stand for 5 to 10 minutes until it thickens slightly.\n"
        "- Thin plain yogurt with a little milk to a pourable consistency.\n- Use kefir as it "
        "is.\nAll of them are acidic like buttermilk, so they still react with baking soda and "
        "give pancakes their lift.",
        "Use the same amount of water with a pinch of baking soda. It tastes identical to "
        "buttermilk and reacts in exactly the same way.",
    ),
    (
        "meal_prep", "cooking",
        ["How do I start meal prepping for the work week?",
         "Any tips for preparing my lunches in advance?"],
        "Start small:\n1. Pick two or three recipes that reheat well, such as chilli, curries, "
        "grain bowls or roasted vegetables.\n2. Cook on one day, usually the weekend: a batch "
        "of grains, a protein and two vegetables.\n3. Portion into sealed containers and label "
        "them with the date.\n4. Keep three or four days' worth in the fridge and freeze the "
        "rest.\n5. Add fresh extras like herbs or dressing on the day.\nRotating recipes every "
        "week keeps you from getting bored.",
        "Cook everything for the whole month in one go and keep it in the fridge. Cooked food "
        "stays fine for about four weeks as long as the lid is closed.",
    ),
    (
        "leftovers_fridge", "cooking",
        ["How long can I keep leftovers in the fridge?",
         "Is it safe to eat leftovers that have been in the fridge for a few days?"],
        "Most cooked leftovers are good for 3 to 4 days in the fridge.\n- Cool them and put "
        "them in the fridge within about 2 hours of cooking.\n- Reheat until steaming hot all "
        "the way through (74 °C / 165 °F).\n- Reheat only once if you can.\nIf you won't eat "
        "something within that time, freeze it instead. Smell is not a reliable test, because "
        "some bacteria that cause food poisoning don't change the smell.",
        "Leftovers keep for two to three weeks in the fridge, and you can tell they're still "
        "fine as long as they don't smell bad.",
    ),
    # ------------------------------------------------------------------ home and DIY
    (
        "squeaky_hinge", "home",
        ["How do I fix a squeaky door hinge?",
         "My bedroom door creaks every time I open it. How do I stop it?"],
        "1. Close the door and tap the hinge pin upward with a screwdriver and hammer until you "
        "can pull it out.\n2. Wipe the pin clean and remove any rust with fine steel wool.\n"
        "3. Coat it with a lubricant: silicone spray, white lithium grease or even a little "
        "petroleum jelly.\n4. Put the pin back and swing the door a few times to spread it.\n"
        "Do one hinge at a time so the door stays hung.",
        "Spray the hinge with water. Water washes the squeak out of the metal, and the door "
        "will stay quiet for good.",
    ),
    (
        "slow_sink_drain", "home",
        ["My bathroom sink drains slowly. How can I unclog it?",
         "What's the best way to clear a slow bathroom drain?"],
        "Try these in order:\n1. Pull out the pop-up stopper and clean off the hair and soap "
        "that collect on it. This alone often fixes it.\n2. Use a plastic drain-cleaning strip "
        "or a small drain snake to pull out clogs further down.\n3. Use a cup plunger, with a "
        "wet cloth over the overflow hole so the pressure goes down the drain.\n4. Put a bucket "
        "under the U-shaped trap, unscrew it and clean it out.\nIf you use a chemical drain "
        "cleaner, use only one product and never mix it with another.",
        "Pour a cup of cooking oil down the drain. It coats the inside of the pipe so that "
        "hair slides straight through.",
    ),
    (
        "paint_room_order", "home",
        ["What's the right order to paint a room?",
         "I'm repainting my living room for the first time. What steps should I follow?"],
        "1. Move furniture to the middle and cover it and the floor.\n2. Clean the walls, fill "
        "holes, sand the patches smooth and wipe off the dust.\n3. Tape the skirting boards, "
        "window frames and sockets.\n4. Prime patched areas or dark colours.\n5. Paint the "
        "ceiling first, so drips don't land on finished walls.\n6. Cut in along the edges "
        "with a brush, then roll the walls in overlapping sections.\n7. Let it dry and apply a "
        "second coat.\n8. Do the trim last, and peel the tape while the paint is still slightly "
        "soft.",
        "Paint the walls first and the ceiling last, and skip cleaning and primer. Paint "
        "sticks better over a bit of dust and grease.",
    ),
    (
        "heavy_shelf_drywall", "home",
        ["How do I hang a heavy shelf on drywall?",
         "What do I need to mount a bookshelf on a plasterboard wall?"],
        "1. Find the studs with a stud finder and mark them. Studs are usually 40 or 60 cm "
        "(16 or 24 in) apart.\n2. Screw the brackets into the studs with wood screws at least "
        "5 cm long.\n3. Where there is no stud, use heavy-duty toggle bolts or metal "
        "self-drilling anchors, and check their weight rating.\n4. Use a spirit level before "
        "you drill the second hole.\nCheck that the shelf, brackets and anchors are each rated "
        "for the load.",
        "Small plastic push pins are enough. Drywall is strong on its own, so a heavy shelf "
        "doesn't need studs or anchors.",
    ),
    (
        "heating_bill", "home",
        ["How can I lower my heating bill in winter?",
         "What are cheap ways to keep my house warm without spending a fortune on heating?"],
        "A few changes add up:\n- Seal draughts around windows and doors with draught strips "
        "and a door snake.\n- Turn the thermostat down by 1 °C. That can cut heating costs by "
        "several percent.\n- Use a programmable or smart thermostat, so you don't heat an empty "
        "home.\n- Close curtains at dusk and open them on sunny days.\n- Bleed radiators that "
        "are cold at the top, and don't block them with furniture.\n- Insulating the loft is "
        "one of the best long-term investments.",
        "Keep the heating on maximum all day. Turning it down makes the boiler work harder "
        "later, so you always end up paying more.",
    ),
    # ------------------------------------------------------------------ health and fitness
    (
        "desk_setup", "health",
        ["How should I set up my desk to avoid back pain?",
         "What's a good ergonomic setup for working at a computer all day?"],
        "- Screen: the top edge at or slightly below eye level, about an arm's length away.\n"
        "- Chair: feet flat on the floor or a footrest, knees level with or a little below "
        "your hips, and support for your lower back.\n- Keyboard and mouse: close enough that "
        "your elbows stay at about 90 degrees by your sides.\n- Laptop: raise it on a stand "
        "and use a separate keyboard.\n- Move: stand up and walk a little every 30 to 60 "
        "minutes. No setup makes sitting still for hours comfortable.",
        "Put the monitor low on the desk so you have to look down at it. Bending your neck "
        "forward all day strengthens it and prevents back pain.",
    ),
    (
        "daily_water", "health",
        ["How much water should I drink a day?",
         "Is the eight-glasses-a-day rule for water accurate?"],
        "There is no single number for everyone. Health agencies put total water needs (from "
        "drinks and food together) at roughly 2 to 2.7 litres a day for women and 2.5 to 3.7 "
        "litres for men. Food usually provides about a fifth of that. You need more in hot "
        "weather, when you exercise, or when you are ill. For most healthy people, drinking "
        "when thirsty and having pale yellow urine are good signs that they are getting "
        "enough. Eight glasses is a reasonable rough guide, not a rule.",
        "Everyone needs exactly 8 litres of plain water a day whatever their size. Water in "
        "food and other drinks doesn't count, and anything less dehydrates you.",
    ),
    (
        "post_run_stretch", "health",
        ["Give me a short stretching routine for after a run.",
         "What stretches should I do when I finish running?"],
        "Hold each stretch for 20 to 30 seconds per side, breathing slowly:\n1. Calf: hands on "
        "a wall, one leg back with the heel down.\n2. Hamstring: one heel on a low step, lean "
        "forward from the hips with your back straight.\n3. Quad: stand on one leg and pull the "
        "other heel towards your bottom.\n4. Hip flexor: a half-kneeling lunge, tucking your "
        "pelvis under.\n5. Glutes: lie on your back, cross one ankle over the other knee and "
        "pull the lower leg in.\nStretch gently and never bounce.",
        "Bounce hard into each stretch for a few seconds. Quick, jerky stretching is the best "
        "way to avoid injury, and holding a stretch is a waste of time.",
    ),
    (
        "beginner_strength", "health",
        ["How should a beginner start strength training?",
         "I've never lifted weights. What's a sensible way to begin?"],
        "- Train two or three times a week with full-body sessions and a rest day between.\n- "
        "Build each session around basic movements: a squat, a push (push-ups or a bench "
        "press), a pull (rows), a hinge (a Romanian deadlift) and a carry or plank.\n- Do 2 "
        "or 3 sets of 8 to 12 reps with a weight that leaves one or two reps in reserve.\n"
        "- Learn the form with light weights first, or book a session with a coach.\n- Add a "
        "little weight or a rep each week. This progressive overload is what makes you "
        "stronger.\n- Sleep well and eat enough protein.",
        "Train the same muscle to complete failure every single day. Rest days make you lose "
        "strength, so the more often you train a muscle, the faster it grows.",
    ),
    (
        "screen_eye_strain", "health",
        ["My eyes get tired from staring at screens. What helps?",
         "How can I reduce eye strain when I work on a computer?"],
        "- Follow the 20-20-20 rule: every 20 minutes, look at something about 20 feet (6 m) "
        "away for 20 seconds.\n- Blink on purpose. People blink far less while reading screens, "
        "which dries the eyes.\n- Match screen brightness to the room and reduce glare from "
        "windows.\n- Keep the screen about an arm's length away and slightly below eye level.\n"
        "- Increase text size rather than leaning in.\nIf the strain persists or you get "
        "headaches, have an eye test, because you may need glasses for screen distance.",
        "Sit as close to the screen as you can with the brightness at maximum. It trains your "
        "eye muscles, and the tiredness goes away after a few weeks.",
    ),
    # ------------------------------------------------------------------ personal finance
    (
        "emergency_fund", "finance",
        ["How big should an emergency fund be?",
         "How much money should I keep saved for emergencies?"],
        "A common guideline is three to six months of essential expenses: rent or mortgage, "
        "food, utilities, insurance and minimum debt payments. Aim for the higher end if your "
        "income is irregular, you are self-employed or you support others. Keep it somewhere "
        "safe and easy to reach, such as an easy-access savings account, not in shares that "
        "might be down when you need the money. If six months feels out of reach, start with "
        "a small first goal, such as one month, and automate a transfer on payday.",
        "One week of expenses is plenty. Keep it invested in individual stocks so it grows "
        "faster, because emergencies almost never happen when the market is down.",
    ),
    (
        "compound_interest", "finance",
        ["Can you explain compound interest with an example?",
         "How does compound interest work?"],
        "Compound interest means you earn interest on your interest as well as on your "
        "original money.\nExample: you deposit 1,000 at 5% a year, compounded yearly.\n- After "
        "1 year: 1,000 × 1.05 = 1,050.\n- After 2 years: 1,050 × 1.05 = 1,102.50.\n- After 10 "
        "years: 1,000 × 1.05^10 ≈ 1,628.89.\nWith simple interest you would have 1,500 after "
        "10 years. The gap keeps widening over time, which is why starting to save early "
        "matters so much. The same effect works against you on debt.",
        "Compound interest means you earn the same fixed amount every year. 1,000 at 5% always "
        "earns exactly 50 a year, so after 10 years you have 1,500 no matter what.",
    ),
    (
        "credit_score", "finance",
        ["How can I improve my credit score?",
         "What actually raises a credit score?"],
        "The factors that matter most:\n1. Pay every bill on time. Payment history carries "
        "the most weight, so set up automatic minimum payments.\n2. Keep your credit "
        "utilisation low, ideally under 30% of your limits and lower still if you can.\n3. "
        "Keep old accounts open, because a longer history helps.\n4. Apply for new credit only "
        "when you need it, since each hard inquiry lowers your score slightly for a while.\n5. "
        "Check your credit reports for errors and dispute any you find.\nImprovements show up "
        "over months, not days.",
        "Max out all your cards every month. High balances show lenders that you use credit a "
        "lot, and that raises your score faster than anything else.",
    ),
    (
        "index_fund", "finance",
        ["What is an index fund?",
         "Can you explain what index funds are and why people recommend them?"],
        "An index fund is an investment fund that holds all (or a representative sample) of "
        "the securities in a market index, such as the S&P 500 or a global stock index, so its "
        "return follows that index. People recommend them because:\n- Fees are low, since no "
        "manager is picking stocks.\n- One fund spreads your money across hundreds or "
        "thousands of companies.\n- Over long periods, most actively managed funds fail to "
        "beat their index after fees.\nThey still rise and fall with the market, so they suit "
        "money you can leave invested for years.",
        "An index fund is a government savings account with a guaranteed interest rate. It "
        "can never lose value, which is why everyone recommends it for short-term savings.",
    ),
    (
        "roommate_bills", "finance",
        ["How should roommates split shared bills fairly?",
         "What's a fair way to divide rent and utilities between flatmates?"],
        "- Agree on what counts as shared: rent, energy, water, internet, cleaning supplies.\n"
        "- Rent: split equally, or by room size and features (a bigger room or private "
        "bathroom pays more).\n- Utilities: usually equal, unless someone works from home all "
        "day or is away most of the time.\n- Track spending in a shared app or spreadsheet, "
        "and settle up on a fixed day each month.\n- Write the agreement down, including what "
        "happens when someone moves out.",
        "The person whose name is first on the lease has to pay every bill. Splitting bills "
        "between roommates is not allowed by law.",
    ),
    # ------------------------------------------------------------------ programming
    (
        "python_venv", "programming",
        ["How do I create a Python virtual environment?",
         "What's the standard way to set up a venv for a Python project?"],
        "From your project folder:\n1. Create it: `python -m venv .venv`\n2. Activate it:\n"
        "   - macOS/Linux: `source .venv/bin/activate`\n   - Windows: `.venv\\Scripts\\activate`\n"
        "3. Install packages with `pip install ...`. They go into `.venv`, not into your "
        "system Python.\n4. Save them with `pip freeze > requirements.txt`.\n5. Leave it with "
        "`deactivate`.\nAdd `.venv/` to your `.gitignore`, and recreate the environment from "
        "`requirements.txt` on other machines.",
        "Run `pip install venv --global`. After that, every package you install is isolated "
        "automatically, and you never need to create or activate anything.",
    ),
    (
        "js_equality", "programming",
        ["What's the difference between == and === in JavaScript?",
         "In JavaScript, should I use double or triple equals?"],
        "`==` is loose equality: it converts the operands to a common type before comparing. "
        "`===` is strict equality: it compares without converting, so different types are "
        "never equal.\n```js\n5 == '5'    // true, the string becomes a number\n5 === '5'   "
        "// false, number vs string\nnull == undefined   // true\nnull === undefined  // false\n"
        "```\nUse `===` (and `!==`) by default. The conversion rules of `==` are easy to get "
        "wrong. A common exception is `x == null`, which checks for both null and undefined.",
        "`==` compares both type and value, while `===` assigns a value. They're "
        "interchangeable inside if-statements.",
    ),
    (
        "git_new_branch", "programming",
        ["How do I create a new branch in git and switch to it?",
         "What's the git command to start working on a new feature branch?"],
        "In one step:\n```\ngit switch -c feature-login\n```\n(Older git versions: `git "
        "checkout -b feature-login`.) The new branch starts from the commit you are on, so "
        "switch to and update `main` first if that's where it should start:\n```\ngit switch "
        "main\ngit pull\ngit switch -c feature-login\n```\nThe first time you push it, set the "
        "upstream with `git push -u origin feature-login`.",
        "Use `git branch --delete feature-login`. It creates the branch and moves you onto it "
        "in one command.",
    ),
    (
        "big_o_nlogn", "programming",
        ["What does O(n log n) mean?",
         "Can you explain O(n log n) time complexity in plain terms?"],
        "It describes how the running time grows as the input size n grows, ignoring constant "
        "factors. O(n log n) grows a little faster than linear: doubling the input slightly "
        "more than doubles the work. For comparison, with n = 1,000,000:\n- O(n): about 1 "
        "million steps\n- O(n log n): about 20 million (log₂ of a million is about 20)\n- "
        "O(n²): about a trillion\nEfficient comparison sorts such as merge sort and heapsort "
        "are O(n log n), and no comparison sort can do better in the worst case.",
        "O(n log n) means the program takes n minutes plus log n seconds to run, on any "
        "computer.",
    ),
    (
        "regex_phone", "programming",
        ["What does the regex ^\\d{3}-\\d{4}$ match?",
         "Can you explain the regular expression ^\\d{3}-\\d{4}$?"],
        "It matches a whole string that is exactly three digits, a hyphen, and four digits, "
        "such as `555-1234`.\n- `^` anchors the match at the start of the string.\n- `\\d{3}` "
        "matches exactly three digits.\n- `-` matches a literal hyphen.\n- `\\d{4}` matches "
        "exactly four digits.\n- `$` anchors the match at the end.\nBecause of the anchors, "
        "`x555-1234` and `555-12345` don't match. Note that in some languages `\\d` also "
        "matches non-ASCII digits unless you restrict it.",
        "It matches any text that contains the letter d three or four times in a row, "
        "anywhere in the string.",
    ),
    (
        "python_read_csv", "programming",
        ["How do I read a CSV file in Python?",
         "What's the simplest way to load a CSV in Python?"],
        "With the standard library:\n```python\nimport csv\n\nwith open('data.csv', newline='', "
        "encoding='utf-8') as f:\n    for row in csv.DictReader(f):\n        print(row['name'], "
        "row['age'])\n```\n`DictReader` uses the header row as keys, and every value arrives as "
        "a string. For analysis, pandas is more convenient:\n```python\nimport pandas as pd\n"
        "df = pd.read_csv('data.csv')\nprint(df.head())\n```",
        "Python can't read CSV files directly. Convert the file to a Word document first and "
        "copy the text into a string by hand.",
    ),
    (
        "container_vs_vm", "programming",
        ["What is the difference between a Docker container and a virtual machine?",
         "Containers vs VMs: how are they different?"],
        "- A virtual machine emulates hardware through a hypervisor and runs a complete guest "
        "operating system with its own kernel.\n- A container shares the host's kernel and "
        "isolates only the processes, file system and network of an application.\nIn "
        "practice, containers start in seconds, use less memory and disk, and pack densely on "
        "one host. VMs give stronger isolation and can run a different OS (for example Windows "
        "on a Linux host). They are often combined: containers running inside cloud VMs.",
        "A container is just a compressed zip file of your code. Unlike a virtual machine, it "
        "can't run any programs, it only stores them.",
    ),
    # ------------------------------------------------------------------ data and spreadsheets
    (
        "pivot_table", "data",
        ["What is a pivot table used for?",
         "When would I use a pivot table in Excel?"],
        "A pivot table summarises a large table by grouping and aggregating it, with no "
        "formulas. With a sales list of date, region, product and amount, it can show total "
        "sales per region per month in a few clicks: drag Region to Rows, Month to Columns and "
        "Amount to Values (set to Sum). You can switch to counts or averages, filter, and "
        "rearrange the layout instantly. In Excel: select the data, then Insert > PivotTable. "
        "Refresh it after the source data changes.",
        "A pivot table rotates your spreadsheet by 90 degrees so columns become rows. It can't "
        "add up or count anything.",
    ),
    (
        "median_vs_mean", "data",
        ["When should I use the median instead of the mean?",
         "What's the difference between mean and median, and which is better?"],
        "The mean is the sum divided by the count. The median is the middle value when the "
        "data are sorted. Use the median when the data are skewed or have outliers. Take five "
        "salaries: 30k, 32k, 35k, 38k and 400k. The mean is 107k, which describes nobody, "
        "while the median of 35k is typical. That's why incomes and house prices are usually "
        "reported as medians. For roughly symmetric data without outliers, the two are close "
        "and the mean is fine.",
        "The median is always larger than the mean, so use it whenever you want to report "
        "bigger numbers.",
    ),
    (
        "excel_duplicates", "data",
        ["How do I remove duplicate rows in Excel?",
         "What's the quickest way to delete repeated rows in a spreadsheet?"],
        "1. Make a copy of the sheet first, because the deletion can't be undone after you "
        "save.\n2. Select the data range, including the headers.\n3. Go to Data > Remove "
        "Duplicates.\n4. Tick the columns that define a duplicate. Tick all of them to remove "
        "only identical rows.\n5. Click OK, and Excel reports how many rows it removed.\nIn "
        "Excel 365 you can instead use `=UNIQUE(A2:D500)` to build a de-duplicated copy and "
        "leave the original untouched.",
        "Press Ctrl+D. It finds and deletes every duplicate row in the whole workbook "
        "automatically.",
    ),
    (
        "correlation_causation", "data",
        ["Does correlation mean causation?",
         "If two things are correlated, does one cause the other?"],
        "No. A correlation means two things tend to move together, not that one causes the "
        "other. Common reasons for a correlation without causation:\n- A confounder: ice cream "
        "sales and drownings both rise in summer because of hot weather.\n- Reverse "
        "causation: the effect may drive the supposed cause.\n- Chance: with enough variables, "
        "some will correlate by accident.\nRandomised experiments, or careful methods that "
        "account for confounders, are needed to show causation.",
        "Yes. If two things move together, one of them always causes the other. That is the "
        "definition of correlation.",
    ),
    # ------------------------------------------------------------------ writing
    (
        "apology_email", "writing",
        ["How do I write a professional apology email to a client for a missed deadline?",
         "Can you help me apologise to a customer for delivering late?"],
        "Keep it short, take responsibility and give a plan:\n\nSubject: Update on the Q3 "
        "report\n\nDear Ms Patel,\n\nI'm sorry that we missed Friday's deadline for the Q3 "
        "report. That's on us: we underestimated the data clean-up. The report will be with "
        "you by Wednesday at 12:00, and I'll send a draft of the summary section tomorrow so "
        "you can start reviewing. To prevent this in future, we've added a check-in at the "
        "halfway point of each project.\n\nThank you for your patience.\n\nBest regards,\nSam",
        "Dear client, deadlines are often unrealistic anyway, so this delay is partly on your "
        "side. We'll send it when it's ready. Regards.",
    ),
    (
        "thesis_statement", "writing",
        ["What makes a good thesis statement?",
         "How do I write a strong thesis statement for an essay?"],
        "A good thesis statement is:\n- Arguable: someone could reasonably disagree.\n- "
        "Specific: it names the subject and the claim, not a vague theme.\n- Short: one or two "
        "sentences, usually at the end of the introduction.\n- A roadmap: it hints at the main "
        "reasons you'll develop.\nWeak: \"Social media has good and bad effects.\"\nStronger: "
        "\"Although social media helps teenagers keep in touch with friends, its design rewards "
        "constant checking, which harms their sleep and concentration.\"",
        "A good thesis statement is a question that you leave unanswered, so the reader can "
        "decide for themselves what the essay is about.",
    ),
    (
        "active_passive_voice", "writing",
        ["What is the difference between active and passive voice?",
         "Can you explain passive voice with examples?"],
        "In the active voice the subject does the action: \"The committee approved the "
        "budget.\" In the passive voice the subject receives the action, and the doer moves "
        "into a \"by\" phrase or disappears: \"The budget was approved (by the committee).\"\n"
        "The active voice is usually clearer and shorter. The passive is useful when the doer "
        "is unknown or unimportant (\"The window was broken overnight\") or when you want to "
        "keep the focus on the object, as in scientific methods sections.",
        "Passive voice is any sentence in the past tense, and active voice is any sentence in "
        "the present tense.",
    ),
    (
        "meeting_notes", "writing",
        ["How do I write clear meeting notes?",
         "What should good meeting minutes include?"],
        "- Header: date, meeting title, attendees.\n- Decisions: what was agreed, one line "
        "each.\n- Action items: the task, the owner and the deadline, such as \"Draft the "
        "budget: Priya, Friday 14 June\".\n- Open questions: what still needs an answer, and "
        "who will get it.\n- Key discussion points: a short summary, not a transcript.\nSend "
        "the notes within a day, and start the next meeting by checking the action items.",
        "Write down everything everyone says, word for word, and don't share the notes. They "
        "are only for your own records.",
    ),
    (
        "sympathy_card", "writing",
        ["What should I write in a sympathy card for a coworker?",
         "A colleague's father died. What can I say in a card?"],
        "Short and sincere is best. A few options:\n- \"I'm so sorry for your loss. Thinking "
        "of you and your family.\"\n- \"I was sad to hear about your father. Please take all "
        "the time you need; we've got things covered here.\"\n- \"With deepest sympathy. If "
        "there's anything I can do, I'm here.\"\nIf you knew the person, a brief warm memory "
        "means a lot. Avoid explaining the loss (\"everything happens for a reason\") or "
        "comparing it with your own.",
        "Tell them everything happens for a reason and that they'll be over it in a week or "
        "two. Remind them about the deadlines they're missing.",
    ),
    # ------------------------------------------------------------------ careers
    (
        "interview_weakness", "careers",
        ["How should I answer 'What is your greatest weakness?' in an interview?",
         "What's a good answer to the weakness question in job interviews?"],
        "Pick a real weakness that isn't central to the job, show that you're aware of it, "
        "and describe what you're doing about it. For example: \"I used to take on too much "
        "myself instead of delegating. On my last project that meant late nights before the "
        "deadline, so I started breaking work into tasks at kickoff and assigning them in our "
        "planning meeting. Our last two releases shipped on time without the crunch.\" Avoid "
        "disguised strengths such as \"I'm a perfectionist\", which interviewers have heard "
        "many times.",
        "Say you have no weaknesses at all. Admitting any weakness always costs you the job, "
        "and interviewers respect total confidence.",
    ),
    (
        "ask_reference", "careers",
        ["How do I ask a former manager to be a reference?",
         "What's the polite way to request a job reference?"],
        "1. Ask before you list them, and give them an easy way to say no.\n2. Remind them of "
        "your work together: the dates, your role and one or two projects they saw.\n3. Send "
        "the job description and say what you'd like them to highlight.\n4. Tell them when "
        "and how they may be contacted.\n5. Thank them, and let them know the outcome.\nFor "
        "example: \"Would you be comfortable being a reference for a data analyst role? I'd "
        "love you to speak to the reporting project we did in 2023.\"",
        "Just list them as a reference without asking. Managers prefer a surprise call, and "
        "asking first looks needy.",
    ),
    (
        "switch_to_data_analysis", "careers",
        ["How do I switch careers into data analysis?",
         "I work in retail. How could I become a data analyst?"],
        "1. Learn the core tools: spreadsheets (lookups, pivot tables), SQL, and one BI tool "
        "such as Power BI or Tableau. Add basic statistics, and Python or R later.\n2. Build "
        "two or three portfolio projects on public data that answer real questions, and write "
        "them up clearly.\n3. Use your background: retail experience is valuable for sales, "
        "inventory or customer analytics roles.\n4. Look for analysis tasks in your current "
        "job, since internal moves are often the easiest way in.\n5. Network through meetups "
        "and online communities, and tailor your CV to the skills in job adverts.",
        "You need a PhD in mathematics before any company will consider you for a data analyst "
        "job, so start applying to doctoral programmes.",
    ),
    (
        "first_week_job", "careers",
        ["Any tips for my first week at a new job?",
         "How do I make a good impression when I start a new job?"],
        "- Ask your manager what success looks like in your first 30, 60 and 90 days.\n- Learn "
        "names and roles. A simple map of who does what helps.\n- Set up short introductory "
        "chats with the people you'll work with most.\n- Ask questions and take notes so you "
        "don't have to ask twice.\n- Look for a small, useful task you can finish early.\n- "
        "Watch how the team communicates before suggesting changes.",
        "Propose big changes to how the team works on your first day. It shows leadership, and "
        "people respect a new hire who tells them what they're doing wrong.",
    ),
    # ------------------------------------------------------------------ science
    (
        "why_seasons", "science",
        ["Why do we have seasons?",
         "What causes summer and winter?"],
        "Seasons come from the tilt of Earth's axis, about 23.4 degrees relative to its "
        "orbit. As Earth orbits the Sun, each hemisphere takes turns leaning towards it. The "
        "hemisphere tilted towards the Sun gets more direct sunlight, which delivers more "
        "energy per square metre, and longer days: that is summer. Six months later it leans "
        "away and has winter. Distance is not the cause. Earth is actually closest to the Sun "
        "in early January, during the northern winter.",
        "Seasons happen because Earth moves much closer to the Sun in summer and much farther "
        "away in winter. The tilt of the axis has nothing to do with it.",
    ),
    (
        "ocean_tides", "science",
        ["What causes ocean tides?",
         "Why are there two high tides a day?"],
        "Tides are caused mainly by the Moon's gravity, with a smaller contribution from the "
        "Sun. The Moon pulls more strongly on the side of Earth facing it than on the far "
        "side. That difference stretches the oceans into two bulges, one towards the Moon and "
        "one opposite. As Earth rotates through both bulges, most coasts get two high tides "
        "and two low tides about every 24 hours and 50 minutes. When the Sun and Moon line up "
        "(at new and full moon) the tides are larger, called spring tides. At quarter moons "
        "they are smaller, called neap tides.",
        "Tides are caused by wind pushing the water towards the shore every twelve hours. On "
        "calm days there are no tides.",
    ),
    (
        "boiling_altitude", "science",
        ["Why does water boil at a lower temperature on a mountain?",
         "Why does pasta take longer to cook at high altitude?"],
        "Water boils when its vapour pressure equals the air pressure around it. Higher up, "
        "the air pressure is lower, so water reaches that point at a lower temperature: about "
        "100 °C at sea level but roughly 90 °C at 3,000 m. Boiling water at altitude is "
        "therefore cooler, and food cooks more slowly in it. That's why pasta and eggs need "
        "more time in the mountains and why high-altitude recipes adjust times. Pressure "
        "cookers raise the pressure, and so the boiling point.",
        "Mountain air is colder, so water needs more heat there and boils at a higher "
        "temperature, around 120 °C. That's why food cooks faster in the mountains.",
    ),
    (
        "dna_simple", "science",
        ["What is DNA in simple terms?",
         "Can you explain DNA to a beginner?"],
        "DNA is the molecule that carries the instructions for building and running a living "
        "thing. It looks like a twisted ladder, the famous double helix. Each rung is a pair "
        "of chemical bases: A pairs with T, and C pairs with G. The order of these bases "
        "spells out genes, and each gene is a recipe the cell uses to make a particular "
        "protein. Almost every cell in your body has a full copy of your DNA, and you inherit "
        "half of it from each parent.",
        "DNA is a type of protein found only in red blood cells. It's written with 26 "
        "different letters, one for each letter of the alphabet.",
    ),
    (
        "rainbow_formation", "science",
        ["How does a rainbow form?",
         "Why do rainbows appear after rain?"],
        "A rainbow forms when sunlight enters raindrops. Each drop bends (refracts) the light "
        "as it enters, reflects it off the back of the drop, and bends it again on the way "
        "out. Different colours bend by slightly different amounts, so white light spreads "
        "into a spectrum. You see red from drops at about 42 degrees from the point directly "
        "opposite the Sun and violet from drops at about 40 degrees, which is why the bow is a "
        "circle arc. That's also why the Sun must be behind you and fairly low in the sky.",
        "Rainbows are reflections of colourful fields and flowers on the underside of the "
        "clouds. That's why you only see them in the countryside.",
    ),
    (
        "antibiotics_colds", "science",
        ["Why don't antibiotics work on colds?",
         "Should I take antibiotics for a cold?"],
        "Colds are caused by viruses, most often rhinoviruses. Antibiotics work by attacking "
        "structures and processes that bacteria have and viruses don't, such as bacterial "
        "cell walls, so they do nothing against a cold. Taking them anyway exposes you to side "
        "effects and helps antibiotic-resistant bacteria spread. For a cold, rest, fluids and "
        "over-the-counter symptom relief are what help, and most colds clear up in 7 to 10 "
        "days. See a doctor if symptoms get worse after a week, you have a high fever, or you "
        "have trouble breathing.",
        "Antibiotics do cure colds. Doctors only avoid prescribing them because they're "
        "expensive, so ask for a strong course straight away.",
    ),
    # ------------------------------------------------------------------ history
    (
        "printing_press", "history",
        ["Why was the printing press important?",
         "What impact did Gutenberg's printing press have?"],
        "Johannes Gutenberg's movable-type press, developed in Mainz around 1440 to 1450, made "
        "books far cheaper and faster to produce than hand copying. Its effects:\n- The "
        "number of books in Europe grew enormously within decades, and literacy spread.\n- "
        "Ideas travelled quickly. Martin Luther's writings, for example, spread through print "
        "and fuelled the Reformation.\n- Scientists could share identical copies of results "
        "and diagrams, which helped the Scientific Revolution.\n- Printing helped standardise "
        "spelling and languages.",
        "The printing press was invented in 1910 and was mainly used for printing photographs "
        "in newspapers. It had little effect on books.",
    ),
    (
        "fall_of_rome", "history",
        ["Why did the Western Roman Empire fall?",
         "What caused the collapse of the Western Roman Empire?"],
        "Historians point to a combination of causes rather than one:\n- Political "
        "instability: frequent civil wars and short-lived emperors in the 3rd to 5th "
        "centuries.\n- Economic strain: heavy taxation, inflation and the cost of defending "
        "long frontiers.\n- Military pressure from migrating groups such as the Goths and "
        "Vandals, and growing reliance on them as soldiers.\n- The division of the empire, "
        "which left the West weaker than the richer East.\nThe conventional end date is 476 "
        "CE, when Odoacer deposed the last western emperor, Romulus Augustulus. The eastern "
        "empire lasted until 1453.",
        "It fell in a single day in 1066, when the Vikings sailed up the Tiber and conquered "
        "Rome.",
    ),
    (
        "silk_road", "history",
        ["What was the Silk Road?",
         "Can you explain the Silk Road and why it mattered?"],
        "The Silk Road was a network of overland and sea trade routes that linked China with "
        "Central Asia, India, Persia, the Middle East and the Mediterranean. It was active "
        "from around the 2nd century BCE for more than 1,500 years. Silk, spices, paper, "
        "glass, horses and precious metals moved along it, mostly passed between many traders "
        "rather than carried end to end. Ideas and technologies travelled too, and so did "
        "religions such as Buddhism and Islam. So did diseases: the Black Death spread along "
        "trade routes in the 14th century.",
        "The Silk Road was a single paved highway that the Romans built from London to "
        "Beijing. It was used only for carrying silk.",
    ),
    (
        "first_moon_landing", "history",
        ["When did humans first land on the Moon?",
         "Who were the first people to walk on the Moon?"],
        "Apollo 11 landed on the Moon on 20 July 1969. Neil Armstrong stepped out first, "
        "followed by Buzz Aldrin, while Michael Collins stayed in lunar orbit in the command "
        "module. They returned safely to Earth on 24 July. NASA made six successful crewed "
        "landings in total, the last being Apollo 17 in December 1972, and twelve astronauts "
        "have walked on the Moon.",
        "The first Moon landing was the Soviet Vostok 1 mission in 1961, piloted by Neil "
        "Armstrong.",
    ),
    (
        "industrial_revolution", "history",
        ["What was the Industrial Revolution?",
         "Can you summarise the Industrial Revolution?"],
        "The Industrial Revolution was the shift from hand production to machine "
        "manufacturing. It began in Britain in the late 18th century and spread to Europe and "
        "North America in the 19th. Key developments were mechanised textile production, "
        "improved steam engines, large-scale iron making and, later, railways. Production and "
        "wealth grew enormously, and people moved from the countryside into growing factory "
        "towns. It also brought harsh working conditions, child labour and pollution, which "
        "led to labour movements and new laws.",
        "It was a 1950s movement in the United States to replace factories with farms and "
        "return to making everything by hand.",
    ),
    # ------------------------------------------------------------------ travel and geography
    (
        "reduce_jet_lag", "travel",
        ["How can I reduce jet lag?",
         "I'm flying from London to Tokyo. How do I avoid feeling awful for days?"],
        "- Shift your sleep by an hour a day for a few days before the trip, in the direction "
        "of your destination's time.\n- On arrival, follow local time straight away for meals "
        "and bedtime.\n- Light is the strongest signal to your body clock. Flying east, get "
        "morning daylight at your destination. Flying west, get light in the evening.\n- If "
        "you must nap, keep it under 30 minutes and before mid-afternoon.\n- Drink water, and "
        "go easy on alcohol and late caffeine.\nA common rule of thumb is about one day to "
        "adjust per time zone crossed, faster going west.",
        "Stay awake for 48 hours before the flight. Total exhaustion resets your body clock "
        "instantly, so you'll have no jet lag at all.",
    ),
    (
        "time_zones_why", "travel",
        ["Why are there time zones?",
         "How did time zones come about?"],
        "Earth rotates 360 degrees in 24 hours, or 15 degrees an hour, so the Sun is highest "
        "at different moments in different places. Towns once kept their own local solar "
        "time, which became a problem when railways needed timetables. Railways standardised "
        "time regionally in the 19th century, and the 1884 International Meridian Conference "
        "set Greenwich as the prime meridian. The world is now divided into zones that are "
        "roughly 15 degrees wide, each about one hour apart. Their borders follow countries "
        "and regions, and some zones are offset by 30 or 45 minutes.",
        "Time zones were invented so that every country in the world has the same time at "
        "once.",
    ),
    (
        "capital_australia", "travel",
        ["What is the capital of Australia?",
         "Is Sydney the capital of Australia?"],
        "The capital of Australia is Canberra, not Sydney. When the colonies federated in "
        "1901, Sydney and Melbourne were rivals for the title, so a compromise site was chosen "
        "between them and a new city was planned. Parliament met in Melbourne until it moved "
        "to Canberra in 1927. Sydney is the largest city.",
        "The capital of Australia is Sydney, because it is the largest city and home to the "
        "Opera House.",
    ),
    (
        "travel_insurance", "travel",
        ["Do I need travel insurance?",
         "Is travel insurance worth buying?"],
        "Usually yes, especially for trips abroad. What it can cover:\n- Medical treatment "
        "and emergency evacuation. This is the big one, because a hospital stay abroad can be "
        "very expensive.\n- Cancellation or cutting a trip short for covered reasons.\n- Lost, "
        "stolen or delayed luggage, and travel delays.\nBefore buying, check what you already "
        "have: some credit cards, bank accounts and health plans include travel cover. Read "
        "the exclusions carefully, and declare any pre-existing conditions.",
        "Travel insurance is never useful. Your home health insurance automatically pays for "
        "any treatment anywhere in the world.",
    ),
    (
        "longest_river", "travel",
        ["What is the longest river in the world?",
         "Which is longer, the Nile or the Amazon?"],
        "The Nile is usually listed as the longest river, at about 6,650 km. The Amazon is a "
        "close second at around 6,400 km, and some studies that measure from a more distant "
        "source argue that it is longer. The answer depends on where you place the source and "
        "the mouth. The Amazon is by far the largest river by volume of water: it carries more "
        "than the next several largest rivers combined.",
        "The Mississippi is the longest river in the world, at about 12,000 km.",
    ),
    # ------------------------------------------------------------------ language and learning
    (
        "affect_effect", "language",
        ["What's the difference between 'affect' and 'effect'?",
         "When do I use affect vs effect?"],
        "Usually, \"affect\" is a verb meaning to influence, and \"effect\" is a noun meaning "
        "a result.\n- \"The weather affected our plans.\"\n- \"The weather had an effect on "
        "our plans.\"\nThere are two less common uses: \"effect\" as a verb means to bring "
        "about (\"to effect change\"), and \"affect\" as a noun is used in psychology for "
        "visible emotion (\"flat affect\"). A memory aid: Affect is the Action, Effect is the "
        "End result.",
        "They mean exactly the same thing, so you can always swap one for the other.",
    ),
    (
        "memorise_vocabulary", "language",
        ["How can I memorise vocabulary in a new language faster?",
         "What's the most effective way to learn lots of new words?"],
        "- Use spaced repetition: flashcard apps such as Anki show each word just before you "
        "would forget it.\n- Learn words in context: put whole phrases or example sentences on "
        "your cards, not single words.\n- Start with high-frequency words. The most common "
        "1,000 to 2,000 words cover most everyday speech.\n- Produce the words: say them "
        "aloud and use them in your own sentences or in conversation.\n- Make vivid "
        "associations or mnemonics for the stubborn ones.\n- Do 15 to 20 minutes every day "
        "rather than a long session once a week.",
        "Read the dictionary from A to Z once. If you see every word one time, your brain "
        "stores them all permanently.",
    ),
    (
        "semicolon_use", "language",
        ["When should I use a semicolon?",
         "How do semicolons work in English?"],
        "Semicolons have two main jobs:\n1. Joining two closely related independent clauses "
        "(each could stand alone as a sentence): \"The shop was closed; we went home.\" This "
        "also applies before words like however or therefore: \"It rained; however, the match "
        "continued.\"\n2. Separating items in a list when the items already contain commas: "
        "\"We visited Lyon, France; Turin, Italy; and Geneva, Switzerland.\"\nDon't use one "
        "before a fragment or in place of a colon that introduces a list.",
        "Use a semicolon anywhere you would pause to breathe, especially after the first word "
        "of a sentence.",
    ),
    (
        "lecture_notes", "language",
        ["How do I take good notes during a lecture?",
         "What's an effective method for taking notes in class?"],
        "- Don't transcribe. Write key ideas, definitions, examples and anything the lecturer "
        "repeats or stresses.\n- Try the Cornell layout: a main column for notes, a narrow "
        "left column for questions and keywords, and a summary at the bottom.\n- Use "
        "abbreviations and leave space to fill gaps later.\n- Review within 24 hours: fill in "
        "gaps, write the summary, and turn the keywords into questions to test yourself.\n- If "
        "slides are shared in advance, annotate them instead of copying them.",
        "Write nothing and rely on memory. Taking notes distracts your brain from learning, "
        "so the best students never write anything down.",
    ),
    # ------------------------------------------------------------------ maths
    (
        "percent_change", "maths",
        ["How do I calculate percentage change?",
         "What's the formula for percent increase or decrease?"],
        "Percentage change = (new value − old value) ÷ old value × 100.\nExamples:\n- From 80 "
        "to 100: (100 − 80) ÷ 80 × 100 = 25% increase.\n- From 100 to 80: (80 − 100) ÷ 100 × "
        "100 = −20%, a 20% decrease.\nThe two aren't symmetric, because the base (the old "
        "value) differs. For a change between two percentages, such as 10% to 12%, say "
        "\"2 percentage points\" (which is a 20% relative increase) to avoid confusion.",
        "Just subtract the old value from the new one. Going from 80 to 100 is a 20% increase, "
        "and from 100 to 80 is also 20%.",
    ),
    (
        "pythagorean_theorem", "maths",
        ["What is the Pythagorean theorem?",
         "Can you explain Pythagoras' theorem with an example?"],
        "In a right-angled triangle, the square of the hypotenuse (the side opposite the right "
        "angle) equals the sum of the squares of the other two sides: a² + b² = c².\nExample: "
        "with sides 3 and 4, c² = 9 + 16 = 25, so c = 5. It lets you find any side from the "
        "other two, check whether a corner is square (the 3-4-5 trick builders use), and "
        "compute straight-line distances: the distance between (1, 2) and (4, 6) is "
        "√(3² + 4²) = 5.",
        "It says a + b = c for every triangle, so a triangle with sides 3 and 4 has a long "
        "side of 7.",
    ),
    (
        "check_prime", "maths",
        ["How do I check if a number is prime?",
         "Is 91 a prime number?"],
        "A prime is a whole number greater than 1 whose only divisors are 1 and itself. To "
        "test n, try dividing by the primes up to √n. If none divides evenly, n is prime. You "
        "can stop at √n because any factor larger than it pairs with one smaller than it.\n"
        "Example: 91. √91 ≈ 9.5, so try 2, 3, 5 and 7. 91 ÷ 7 = 13, so 91 = 7 × 13 is not "
        "prime. For 97, none of 2, 3, 5 or 7 divides it, so 97 is prime.",
        "A number is prime if it is odd. So 9, 15, 21 and 91 are all prime numbers.",
    ),
    (
        "divide_fractions", "maths",
        ["How do you divide fractions?",
         "What is 3/4 divided by 1/2?"],
        "To divide by a fraction, multiply by its reciprocal (flip the second fraction):\n"
        "3/4 ÷ 1/2 = 3/4 × 2/1 = 6/4 = 3/2, or 1½.\nThat makes sense: 1/2 fits into 3/4 one "
        "and a half times. In general, (a/b) ÷ (c/d) = (a × d) / (b × c). Simplify at the "
        "end, or cancel common factors before multiplying.",
        "Divide the numerators and add the denominators: 3/4 ÷ 1/2 = 3/6 = 1/2.",
    ),
    (
        "dice_seven", "maths",
        ["What's the probability of rolling a total of 7 with two dice?",
         "Why is 7 the most common roll with two dice?"],
        "Two six-sided dice have 6 × 6 = 36 equally likely outcomes. Six of them sum to 7: "
        "(1,6), (2,5), (3,4), (4,3), (5,2) and (6,1). So the probability is 6/36 = 1/6, about "
        "16.7%. Seven is the most likely total because more combinations produce it than any "
        "other sum. Totals of 2 and 12 can each happen only one way, a probability of 1/36.",
        "It's 1/11, because there are 11 possible totals from 2 to 12 and each of them is "
        "equally likely.",
    ),
    # ------------------------------------------------------------------ parenting
    (
        "toddler_tantrums", "parenting",
        ["How should I handle my toddler's tantrums?",
         "My two-year-old melts down several times a day. What can I do?"],
        "Tantrums are normal at this age: toddlers have big feelings and few words for them.\n"
        "- Stay calm and keep them safe. Your calm helps them settle.\n- Name the feeling: "
        "\"You're angry that we have to leave the park.\"\n- Hold the limit kindly. Don't give "
        "in to the demand that started it, or tantrums become a strategy.\n- Once they're "
        "calm, reconnect with a hug and move on.\n- Prevent what you can: regular meals and "
        "naps, warnings before transitions, and limited choices (\"red cup or blue cup?\").\n"
        "Talk to your health visitor or doctor if tantrums are very frequent, violent or "
        "getting worse after age four.",
        "Give them whatever they're screaming for straight away. It teaches them that "
        "tantrums work, which builds their confidence.",
    ),
    (
        "kids_reading", "parenting",
        ["How can I encourage my child to read more?",
         "My 8-year-old hates reading. How can I help?"],
        "- Let them choose. Comics, graphic novels, joke books and books about their hobbies "
        "all count.\n- Read together, even with older children: take turns with pages or "
        "chapters.\n- Make it a routine, such as 15 minutes before bed.\n- Visit the library "
        "and let them pick freely.\n- Let them see you reading for pleasure.\n- Try "
        "audiobooks alongside the printed book.\nIf reading seems genuinely hard for them "
        "rather than just unappealing, ask their teacher about screening for difficulties such "
        "as dyslexia.",
        "Ban the books they enjoy and assign only textbooks. Reading for fun is a waste of "
        "time for children.",
    ),
    (
        "screen_time_five", "parenting",
        ["How much screen time is OK for a 5-year-old?",
         "What are the screen time guidelines for young children?"],
        "Common guidance, for example from the American Academy of Pediatrics, is about one "
        "hour a day of high-quality content for children aged 2 to 5, ideally watched together "
        "so you can talk about it. What they watch, and what screens replace, matter as much "
        "as the minutes. Protect sleep, outdoor play, reading and family meals. Practical "
        "steps: no screens in the hour before bed or at meals, keep devices out of bedrooms, "
        "and prefer slow-paced, educational shows over endless autoplay.",
        "There's no reason to limit it. Eight or more hours a day of videos is recommended, "
        "because it speeds up language development.",
    ),
    # ------------------------------------------------------------------ garden and pets
    (
        "tomatoes_in_pots", "garden_pets",
        ["How do I grow tomatoes in pots?",
         "Can I grow tomatoes on my balcony?"],
        "Yes, they do well in containers:\n- Pot: at least 20 litres (about 5 gallons) per "
        "plant, with drainage holes.\n- Position: the sunniest spot you have, with 6 to 8 hours "
        "of direct sun.\n- Soil: good potting compost, not garden soil.\n- Support: a stake or "
        "cage at planting time.\n- Water: deeply and consistently. Uneven watering causes "
        "split fruit and blossom end rot. Pots may need water daily in summer.\n- Feed: a "
        "tomato fertiliser once a week from when the first flowers appear.\nFor tall cordon "
        "varieties, pinch out the side shoots. Bush types can be left alone.",
        "Plant them in a small cup in a dark room and water them once a month. Tomatoes "
        "prefer shade and dry soil.",
    ),
    (
        "cat_litter_box", "garden_pets",
        ["My cat stopped using the litter box. What should I do?",
         "Why is my cat peeing outside the litter tray?"],
        "1. See a vet first. Urinary infections, bladder problems, kidney disease and "
        "arthritis are common causes, and a blocked bladder in a male cat is an emergency.\n2. "
        "Keep the box clean: scoop daily and wash it weekly.\n3. Have one box per cat plus "
        "one, in quiet spots away from food and loud machines.\n4. Use unscented, fine litter, "
        "and avoid sudden changes.\n5. Consider stress: a new pet, a move or a neighbourhood "
        "cat at the window.\n6. Clean accidents with an enzyme cleaner so the smell doesn't "
        "draw the cat back.\nNever punish the cat, because that adds stress.",
        "Punish the cat by rubbing its nose in the mess. It will quickly learn to use the box.",
    ),
    (
        "water_lawn", "garden_pets",
        ["How often should I water my lawn?",
         "What's the best time and amount to water grass?"],
        "Water deeply and less often: about 2.5 cm (1 inch) a week in total, including rain, "
        "given in one or two sessions. Deep watering makes roots grow down, so the lawn copes "
        "with drought better. Water early in the morning. Less evaporates then, and the grass "
        "dries during the day, which reduces disease. To measure, put a few empty tins on the "
        "lawn and time how long the sprinkler takes to fill them 2.5 cm deep. An established "
        "lawn that goes brown in a drought usually recovers when rain returns.",
        "Water it lightly for a minute several times a day, ideally in the midday sun, when "
        "the grass is thirstiest.",
    ),
    (
        "cat_meets_dog", "garden_pets",
        ["How do I introduce a new cat to my dog?",
         "What's the safest way to get my dog and new kitten used to each other?"],
        "Go slowly, over days or weeks:\n1. Give the cat a separate room with food, water, a "
        "litter box and hiding places.\n2. Swap scents: rub a cloth on each animal and leave it "
        "near the other, and swap their bedding.\n3. Let them see each other through a baby "
        "gate or a cracked door, with the dog on a lead, and reward calm behaviour with "
        "treats.\n4. Lengthen the sessions gradually, always letting the cat retreat to high "
        "places or its room.\n5. Supervise all time together until they are reliably relaxed.\n"
        "If the dog fixates or lunges, go back a step, and consider a trainer.",
        "Put them together in a small room right away and let them sort it out. They bond much "
        "faster that way.",
    ),
    (
        "cycle_fish_tank", "garden_pets",
        ["What does 'cycling' a fish tank mean?",
         "Do I need to cycle a new aquarium before adding fish?"],
        "Yes. Cycling means growing a colony of beneficial bacteria in the filter before you "
        "add fish. Fish waste produces ammonia, which is toxic. One group of bacteria converts "
        "ammonia to nitrite, also toxic, and another converts nitrite to nitrate, which is "
        "much less harmful and is removed with regular water changes. A fishless cycle, where "
        "you add an ammonia source and test the water with a kit, takes around 4 to 8 weeks. "
        "The tank is ready when ammonia and nitrite read zero within a day of dosing. Then add "
        "fish gradually.",
        "It means moving the fish between two tanks every day so they don't get bored. New "
        "tanks can have fish added the same day.",
    ),
    # ------------------------------------------------------------------ tech help
    (
        "slow_laptop", "tech",
        ["My laptop is slow. What can I do?",
         "How do I speed up an old computer?"],
        "Try these, cheapest first:\n1. Restart it. Many slowdowns come from long uptime.\n2. "
        "Open Task Manager (Windows) or Activity Monitor (Mac) to see which programs use the "
        "most CPU and memory, and close or uninstall them.\n3. Stop unneeded apps from "
        "launching at startup.\n4. Free up disk space. Keep at least 10 to 15% of the drive "
        "empty.\n5. Install system updates and run a malware scan.\n6. Cut down browser "
        "extensions and open tabs.\nIf it still has a spinning hard drive, replacing it with "
        "an SSD is the biggest upgrade. Adding RAM helps if memory is always full.",
        "Open as many browser tabs as possible. It warms up the processor, and a warm "
        "processor runs faster.",
    ),
    (
        "backup_photos", "tech",
        ["What's a good way to back up my photos?",
         "How should I back up family photos so I never lose them?"],
        "Follow the 3-2-1 rule: keep 3 copies of your photos on 2 different types of storage, "
        "with 1 copy off-site.\nIn practice:\n- The originals on your computer or phone.\n- "
        "An automatic cloud backup (iCloud, Google Photos, OneDrive or a backup service).\n- "
        "A copy on an external drive that you update monthly and keep disconnected.\nTurn on "
        "automatic backup so it happens without you thinking about it, and test now and then "
        "that you can actually restore a few files.",
        "Keep them only on your phone. Phones never lose data, so backups are unnecessary.",
    ),
    (
        "wifi_dead_spots", "tech",
        ["Why is my Wi-Fi slow in some rooms?",
         "How can I get better Wi-Fi coverage at home?"],
        "Wi-Fi weakens with distance and with every wall, floor, mirror or large appliance it "
        "passes through. To improve it:\n- Place the router centrally and up high, not in a "
        "cupboard or on the floor.\n- Use the 5 GHz band near the router for speed, and 2.4 "
        "GHz for range through walls.\n- Change the channel if neighbours' networks crowd "
        "yours.\n- For larger homes, a mesh system covers far better than a single router or a "
        "cheap extender.\n- Use an Ethernet cable or powerline adapters for fixed devices like "
        "a TV or desktop.",
        "Wi-Fi gets slower in rooms with lots of furniture because the signal gets tired. "
        "Painting the walls white fixes it.",
    ),
    (
        "two_factor_auth", "tech",
        ["What is two-factor authentication and should I use it?",
         "Is 2FA worth turning on?"],
        "Two-factor authentication (2FA) asks for a second proof of identity on top of your "
        "password: a code from an app, a text message, or a hardware key. A stolen or leaked "
        "password alone is then not enough to get into your account. Turn it on at least for "
        "email, banking, your password manager and social media. Authenticator apps are safer "
        "than SMS codes, and hardware security keys are the strongest option. Save the backup "
        "codes somewhere safe, so you can get back in if you lose your phone.",
        "Two-factor authentication means using the same password twice. It's only useful for "
        "bank accounts and just slows everything else down.",
    ),
    # ------------------------------------------------------------------ consumer and legal basics
    (
        "online_return", "consumer",
        ["Can I return something I bought online if I changed my mind?",
         "Do I have the right to send back an online purchase?"],
        "It depends on where you live and on the seller:\n- In the EU and the UK, most online "
        "purchases come with a 14-day cancellation period from delivery, for any reason. "
        "Exceptions include personalised items, perishable goods and unsealed software or "
        "hygiene products.\n- In the US there is generally no legal change-of-mind right, so "
        "the store's own return policy applies, and many large retailers offer 30 days or "
        "more.\nCheck the seller's policy for return shipping costs, keep the packaging and "
        "receipt, and tell the seller in writing within the deadline.",
        "No. Once you click buy, the law forbids returning an item anywhere in the world.",
    ),
    (
        "rental_deposit", "consumer",
        ["How can I make sure I get my rental deposit back?",
         "What should I do when I move out so my landlord returns the deposit?"],
        "- At move-in, photograph or film every room and note existing damage on the "
        "inventory. Get it signed or emailed so it's dated.\n- Report problems in writing as "
        "they come up.\n- Before leaving, clean thoroughly (including the oven and windows), "
        "fix minor damage such as nail holes, and return all keys.\n- Attend the check-out "
        "inspection and take your own photos again.\n- Know the local rules: in many places "
        "deposits must be held in a protection scheme and returned within a set time, with "
        "itemised reasons for any deductions. Normal wear and tear is not chargeable.",
        "Landlords must return the full deposit whatever state you leave the place in, so "
        "there's no need to clean or fix anything.",
    ),
    # ------------------------------------------------------------------ arts and music
    (
        "adult_guitar", "arts",
        ["How do I start learning guitar as an adult?",
         "I'm 40 and want to learn guitar. Where do I begin?"],
        "- Get a playable guitar, set up by a shop if possible. High strings make learning "
        "much harder.\n- Learn to tune it with a clip-on tuner or an app.\n- Start with the "
        "open chords G, C, D, E minor and A minor, and practise switching between pairs of "
        "them.\n- Learn a simple down-down-up-up-down-up strumming pattern.\n- Play real songs "
        "early. Many use only three or four chords.\n- Practise 15 to 20 minutes a day rather "
        "than long sessions once a week.\nSore fingertips in the first weeks are normal and "
        "fade as calluses form.",
        "Start with the hardest guitar solos you can find. Basic chords are only for children "
        "and will slow you down.",
    ),
    (
        "phone_photos", "arts",
        ["How can I take better photos with my phone?",
         "Any tips for improving smartphone photography?"],
        "- Wipe the lens. Smudges cause a lot of hazy photos.\n- Use light well: soft light "
        "early or late in the day is flattering, and harsh overhead noon sun rarely is.\n- "
        "Compose with the rule of thirds: turn on the grid and place subjects on the lines.\n"
        "- Tap the subject to set focus and exposure, then slide to brighten or darken.\n- "
        "Move closer instead of using digital zoom, or switch to the phone's telephoto lens "
        "if it has one.\n- Hold steady, or brace against something in low light.\n- Edit "
        "lightly: straighten, crop, and adjust exposure.",
        "Always use the maximum digital zoom and turn the flash on in daylight. It adds detail "
        "to every photo.",
    ),
    (
        "sea_haiku", "arts",
        ["Write a haiku about the sea.",
         "Can you write me a short haiku about the ocean?"],
        "Grey waves fold and break,\nsalt wind carries gull voices,\nthe tide takes my tracks.\n"
        "\n(5-7-5 syllables, with a seasonal, concrete image in the traditional style.)",
        "The sea is very big and blue and it has a lot of water and fish in it and I like it "
        "a lot, the end.",
    ),
]
