#!/usr/bin/env python3
"""Build ``src/mljobs/enrich/data/skills.json`` from the curated lists below.

The skill taxonomy is hand-curated: every entry in this file was written by a
maintainer, not scraped.  Edit the lists here, then run::

    .venv/bin/python tools/build_skills.py          # writes the JSON
    .venv/bin/python tools/build_skills.py --check  # fails if the JSON is stale

Data block format (one skill per line, ``#`` starts a comment line)::

    Canonical Name | alias | alias | ...

The first field is the canonical name (official product spelling for
products, lower-case for methods and areas, see
``shared/data/eval/LABELS.md``); the remaining fields are surface forms a
posting really uses.  Ambiguous aliases get a context rule (``CONTEXT``) and
/or are matched case-sensitively (``CASE_SENSITIVE``).  The output is
deterministic: skills sorted by case-folded name, aliases in curated order.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

VERSION = "2026.11.12"

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "mljobs" / "enrich" / "data" / "skills.json"

CATEGORIES: dict[str, str] = {
    "language": "Programming, query, markup and modelling languages (Python, R, SQL, Scala, HTML, VHDL).",
    "library": "Code libraries and packages imported into a program (scikit-learn, pandas, spaCy, D3.js).",
    "framework": "Application, web, UI and deep-learning frameworks that structure a program (PyTorch, TensorFlow, Django, React).",
    "platform": "Systems and platforms that software runs on or is built on: big-data and streaming systems, operating systems, containers, enterprise software (Hadoop, Apache Spark, Kafka, Kubernetes, Linux, SAP).",
    "database": "Databases, data stores, search engines and kinds of database (PostgreSQL, MongoDB, Elasticsearch, NoSQL, vector databases).",
    "cloud": "Cloud providers and their managed services (AWS, Amazon SageMaker, BigQuery, Amazon Redshift, Azure Data Factory).",
    "mlops": "Tools for the ML lifecycle: experiment tracking, pipelines, feature stores, model serving and LLM inference, monitoring, data labelling (MLflow, Kubeflow, vLLM, Weights & Biases).",
    "tool": "Developer, office, scientific and analysis tools used by a person (Git, Jira, Excel, SAS, MATLAB toolboxes, Gurobi, Jupyter).",
    "bi-tool": "Business-intelligence, dashboarding, reporting and product-analytics tools (Tableau, Power BI, Looker, Amplitude).",
    "data-format": "File formats, serialisation formats, table formats and data models (JSON, Parquet, Delta Lake, RDF, HDF5).",
    "standard": "Protocols, specifications, regulations and coding standards (REST, OAuth, HIPAA, ICD-10, cGMP).",
    "model": "Named pre-trained models, model families and hosted model APIs (BERT, Llama, GPT-4, Claude, OpenAI API).",
    "method": "Algorithms, models, statistical and analytical techniques (gradient boosting, logistic regression, collaborative filtering, topic modelling, A/B testing).",
    "area": "Fields, problem domains and bodies of knowledge (machine learning, natural language processing, computer vision, recommender systems, statistics, genomics).",
    "practice": "Engineering, data and working practices and processes (MLOps, CI/CD, test-driven development, Agile, data governance, ETL).",
    "lab-technique": "Laboratory and scientific-instrument techniques named in science postings (PCR, ELISA, flow cytometry, HPLC).",
}

CONTEXT_SCHEMA: dict[str, object] = {
    "description": (
        "A skill's optional 'context' is null or ONE rule object. The rule governs only the "
        "surface forms listed in its 'aliases' (which may include the canonical name); every "
        "other surface form of the skill matches unconditionally. A match of a governed form is "
        "accepted only if ALL conditions present in the rule hold (absent keys impose nothing)."
    ),
    "fields": {
        "aliases": "required, non-empty list of strings: the governed surface forms; each is the skill's name or one of its aliases.",
        "near_any": "optional list of terms: at least one must occur within 'window' characters before or after the match (case-insensitive, whole-word match of the term, the match itself excluded).",
        "not_near_any": "optional list of terms: none may occur within 'window' characters before or after the match (same matching as near_any).",
        "window": "optional positive integer, default 200: the number of characters searched on each side for near_any / not_near_any.",
        "not_followed_by": "optional list of strings: the text right after the match, after skipping whitespace, must not start with any of them (case-insensitive; a string ending in a letter or digit must end at a word boundary).",
        "not_preceded_by": "optional list of strings: the text right before the match, after skipping whitespace backwards, must not end with any of them (case-insensitive; a string starting with a letter or digit must start at a word boundary).",
    },
    "case_sensitive_aliases": (
        "Separate optional per-skill key: a list of surface forms (name or aliases) that match only "
        "with exactly this capitalisation (e.g. 'R', 'Go', 'C', 'ML'). All other forms match "
        "case-insensitively. Two case variants of one form may both be listed (e.g. 'Excel', 'EXCEL')."
    ),
    "normalisation": (
        "Aliases are compared case-insensitively after collapsing runs of spaces, hyphens and "
        "underscores; no normalised alias or name belongs to two skills."
    ),
}

_BLOCKS: list[tuple[str, str]] = []


def block(category: str, text: str) -> None:
    """Register a data block of skills of one category."""
    if category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}")
    _BLOCKS.append((category, text))


# ---------------------------------------------------------------------------
# Data.  Keep each block roughly alphabetical within its theme.
# ---------------------------------------------------------------------------

block("language", r"""
Python | python3 | Python 3 | Python 2 | Python programming | Python scripting
R | R language | R programming | R statistical programming | Rstats | R-lang | GNU R
SQL | ANSI SQL | Structured Query Language | SQL queries | SQL querying | SLQ | relational-style query languages
Scala
Java | Java 8 | Java 11 | Java 17 | Java SE | Core Java
JavaScript | Javascript | JS | ECMAScript | ES6 | vanilla JavaScript
TypeScript | TS | Typescript
C | C language | C programming | ANSI C | C99 | C11 | C/C++
C++ | CPP | C plus plus | C++11 | C++14 | C++17 | C++20 | modern C++
C# | C Sharp | CSharp
Go | Golang | Go language | Go lang
Rust | Rust language | Rustlang
Julia | Julia language | JuliaLang
MATLAB | Matlab
Perl | Perl 5
Ruby
PHP
Kotlin
Swift | Swift language
Objective-C | ObjC | Objective C
Bash | Bash scripting | Bourne Again Shell
PowerShell | Powershell scripting
Lua
Haskell
OCaml
F# | FSharp
Erlang
Elixir
Clojure | ClojureScript
Lisp | Common Lisp
Scheme
Racket
Prolog
Fortran | FORTRAN | Fortran 90
COBOL
Pascal
Delphi | Object Pascal
Ada
Visual Basic | VB6 | Visual Basic 6
VB.NET | Visual Basic .NET
VBA | Visual Basic for Applications | Excel VBA
Groovy
Dart
Solidity
Apex | Salesforce Apex
ABAP | SAP ABAP
assembly language | assembler | x86 assembly | ARM assembly | X86/ARM assembler
VHDL
Verilog
SystemVerilog
HiveQL | HQL | Hive QL
PL/SQL | PLSQL | PL SQL
T-SQL | TSQL | Transact-SQL
SQLScript | SQL script
PL/pgSQL
Cypher | Cypher query language | openCypher
SPARQL
GraphQL
Gremlin
HTML | HTML5 | HTML 5
CSS | CSS3 | CSS 3 | Cascading Style Sheets
Sass | SASS | SCSS
Less CSS
XSLT
XPath
DHTML | Dynamic HTML
XQuery
AWK | awk | gawk
sed
Tcl | TCL | Tcl/Tk
Stata
Wolfram Language | Mathematica language
Octave | GNU Octave
Modelica
AMPL
GAMS
Stan | Stan language | Stan probabilistic programming language
JAGS | WinBUGS
Cython
Mojo | Mojo language
Zig
DAX | Data Analysis Expressions
MDX | Multidimensional Expressions
LookML
KQL | Kusto Query Language
M language | Power Query M
HCL | HashiCorp Configuration Language
Starlark
Q (kdb+) | q language | q/kdb+
SAS language | SAS programming | Base SAS | SAS Base
OpenCL
WebGL | WebGL2
GLSL | shader programming | HLSL
Smalltalk
Raku
""")

block("library", r"""
# --- Python ML and scientific stack
scikit-learn | sklearn | scikit learn | sci-kit learn | scikitlearn | sci-kit-learn | SciKit
pandas | Pandas
NumPy | numpy | Numpy
SciPy | Scipy | scipy
Matplotlib | matplotlib | pyplot
seaborn | Seaborn
Plotly | Plot.ly | plotly.py | Plotly Express
Bokeh
Altair | Vega-Altair
Vega-Lite | Vega
ggplot2 | ggplot
statsmodels | StatsModels
XGBoost | xgboost | XG Boost | XGB | extreme gradient boosting
LightGBM | lightgbm | Light GBM | LGBM
CatBoost | catboost
Hugging Face Transformers | HuggingFace Transformers | HF Transformers | transformers library | Huggingface transformers | Hugging Face transformers library
Hugging Face Datasets | HF Datasets
Hugging Face Tokenizers
Hugging Face PEFT | PEFT library
Hugging Face Accelerate
TRL | Transformer Reinforcement Learning library
Diffusers | Hugging Face Diffusers
sentence-transformers | SentenceTransformers | Sentence Transformers | SBERT | Sentence-BERT
timm | PyTorch Image Models
PyTorch Lightning | Lightning AI | pytorch-lightning
fastai | fast.ai
Flax
Optax
Equinox
Haiku | dm-haiku
TensorFlow Probability | TFP
TensorFlow Hub | TF Hub
TensorFlow.js | TFJS | TensorFlow JS
TensorFlow Lite | TFLite | LiteRT
Keras Tuner | KerasTuner
spaCy | Spacy | spacy
NLTK | nltk | Natural Language Toolkit
Gensim | gensim
Stanford CoreNLP | CoreNLP
Apache OpenNLP | OpenNLP
AllenNLP
Flair | Flair NLP
Stanza | Stanford Stanza
TextBlob
fastText | FastText
Apache Tika | Tika
Apache Lucene | Lucene
LangChain | Langchain | LangChain.js
LlamaIndex | Llama Index | GPT Index
LangGraph
Haystack | deepset Haystack
DSPy
Semantic Kernel | Microsoft Semantic Kernel
AutoGen | Microsoft AutoGen | AG2
CrewAI | Crew AI
OpenAI Agents SDK
Pydantic AI | PydanticAI
Instructor | instructor library
Outlines | Outlines library
Guidance | Microsoft Guidance
LiteLLM
Vercel AI SDK
Model Context Protocol | MCP | MCP servers
Transformers.js
OpenCV | opencv | cv2 | Open CV
Pillow | PIL | Python Imaging Library
scikit-image | skimage
torchvision
torchaudio
TorchText
Albumentations
imgaug
Detectron2 | Detectron
MMDetection | OpenMMLab
Ultralytics
Kornia
Open3D
Point Cloud Library | PCL
MediaPipe
dlib
SimpleITK | ITK
MONAI
NiBabel
nilearn
MNE-Python | MNE
Librosa | librosa
ESPnet
SpeechBrain
NVIDIA NeMo | NeMo
Megatron-LM | Megatron
DeepSpeed
FairScale
Horovod
Dask | dask
Modin
Polars | polars
Vaex
PyArrow | pyarrow
Numba | numba
CuPy
RAPIDS | NVIDIA RAPIDS
cuDF
cuML
PySpark | pyspark | Py Spark
Spark MLlib | MLlib | MLib | Spark ML | SparkML
Koalas | pandas API on Spark
Vowpal Wabbit | VW | VowpalWabbit | vowpal-wabbit
Apache Mahout | Mahout
mlpack
Theano
Chainer
CNTK | Microsoft Cognitive Toolkit
Deeplearning4j | DL4J
Weka | WEKA
MOA | Massive Online Analysis
ELKI
ONNX | Open Neural Network Exchange
ONNX Runtime | onnxruntime
TensorRT | NVIDIA TensorRT
OpenVINO | Intel OpenVINO
Core ML | CoreML
Apple MLX | MLX
ML.NET
Pyro
NumPyro
PyMC | PyMC3 | PyMC4
ArviZ
Edward | Edward2
GPyTorch
GPy
BoTorch
Ax Platform
scikit-optimize | skopt
Optuna
Hyperopt
SHAP | shap | SHapley Additive exPlanations
LIME | lime
Captum
InterpretML
Fairlearn
AI Fairness 360 | AIF360
Alibi | Alibi Explain
ELI5
Yellowbrick
imbalanced-learn | imblearn
category_encoders | category encoders
Featuretools
tsfresh
sktime
Prophet | Facebook Prophet | fbprophet
NeuralProphet
Darts | Darts library
GluonTS
pmdarima | auto_arima
StatsForecast | Nixtla
tslearn
PyOD
PyCaret
auto-sklearn | autosklearn
TPOT
AutoGluon
FLAML
NetworkX | networkx
igraph | python-igraph
graph-tool
PyTorch Geometric | PyG | torch_geometric
Deep Graph Library | DGL
StellarGraph
Surprise | scikit-surprise
LightFM
RecBole
TensorFlow Recommenders | TFRS
NVIDIA Merlin | Merlin
Faiss | FAISS | faiss
Annoy
hnswlib
ScaNN
Gymnasium | OpenAI Gym | Gym environment
Stable Baselines3 | Stable Baselines | SB3
RLlib | Ray RLlib
TF-Agents
PettingZoo
Unity ML-Agents | ML-Agents
BeautifulSoup | Beautiful Soup | bs4
Scrapy
Requests | python requests
lxml
SQLAlchemy | SQL Alchemy
Alembic
psycopg2 | psycopg
PyMongo
Pydantic | pydantic
Marshmallow
Click | Python Click
Typer
Jinja | Jinja2
asyncio
multiprocessing | Python multiprocessing
Celery | celery
RQ | Redis Queue
Dramatiq
Biopython | BioPython
RDKit | rdkit
DeepChem
OpenMM
Scanpy
AnnData
pysam
scikit-bio
MDAnalysis
GeoPandas | geopandas
Shapely
GDAL | OGR
Rasterio
PyProj
Folium
ArcPy
H3 | Uber H3
OSMnx
SymPy
pandas-profiling | ydata-profiling
Great Tables
tqdm
joblib
Pandera
PyPDF | PyPDF2
pdfplumber
Tesseract | Tesseract OCR | pytesseract
EasyOCR
PaddleOCR
Unstructured (library) | unstructured.io
tiktoken
SentencePiece
bitsandbytes
FlashAttention | Flash Attention
xFormers
Apex (NVIDIA) | NVIDIA Apex
Triton language | OpenAI Triton | Triton kernels
CUTLASS
cuDNN
NCCL
Thrust
oneDNN | MKL-DNN
Intel MKL | MKL | oneMKL
BLAS | OpenBLAS
LAPACK
Eigen | Eigen3
Boost | Boost C++ Libraries
OpenMP
MPI | Message Passing Interface | Open MPI | OpenMPI | MPICH
PETSc
FFTW
Armadillo
pybind11
Boost.Python
JAXopt
Gurobipy | gurobipy
PuLP
Pyomo
CVXPY | cvxpy
OR-Tools | Google OR-Tools | ortools
SimPy
DEAP
# --- R packages
tidyverse | Tidyverse
dplyr
tidyr
data.table
caret | caret package
tidymodels
mlr3 | mlr
randomForest (R package)
glmnet
lme4
brms
rstan | RStan
R Shiny | Shiny | RShiny | R-shiny | Shiny apps
R Markdown | RMarkdown | Rmd
knitr
purrr
stringr
lubridate
forecast (R package) | R forecast package
survival (R package)
Bioconductor
DESeq2
edgeR
limma
Seurat
Rcpp
sparklyr
SparkR
leaflet (R package)
sf (R package)
# --- JavaScript and front-end libraries
D3.js | D3 | d3.js | d3 | D3js
Chart.js | ChartJS
Highcharts | HighCharts
ECharts | Apache ECharts
Three.js | threejs
Leaflet | Leaflet.js
OpenLayers
Mapbox | Mapbox GL JS | Mapbox GL
Cesium | CesiumJS
deck.gl
Kepler.gl
jQuery | JQuery
Lodash | lodash | Underscore.js
Redux | Redux Toolkit
Redux-Saga | Redux Saga | redux-saga
MobX
Zustand
RxJS | Rx.js
Axios
Material UI | MUI | Material-UI
Chakra UI
Ant Design | antd
shadcn/ui | shadcn
styled-components
Emotion (CSS-in-JS)
CSS Modules
TanStack Query | React Query | TanStack
Zod
Prisma | Prisma ORM
TypeORM
Sequelize
Mongoose
Drizzle ORM | Drizzle
Socket.IO | socket.io
BullMQ
Puppeteer
Recharts
Visx
Apollo GraphQL | Apollo Client | Apollo Server
Immer
Storybook
# --- JVM and .NET libraries
Hibernate | Hibernate ORM
Apache Commons
Guava | Google Guava
JUnit | JUnit 5 | Junit
TestNG
Mockito
Log4j | Log4j2
SLF4J
Jackson | Jackson JSON
Lombok | Project Lombok
Entity Framework | EF Core | Entity Framework Core
LINQ
NUnit
xUnit | xUnit.net
Apache Commons Math
Breeze (Scala)
Cats (Scala)
ZIO
# --- C/C++ and other
Qt | Qt5 | Qt6 | PyQt | PySide
GoogleTest | gtest
Catch2
OpenSSL
libcurl
ZeroMQ | ZMQ | 0MQ
gRPC
Protocol Buffers | protobuf | Protobuf | protocol buffer
Apache Thrift | Thrift
Cap'n Proto
FlatBuffers
""")
block("framework", r"""
# --- deep learning frameworks
PyTorch | Pytorch | pytorch | torch | Py Torch
TensorFlow | Tensorflow | tensorflow | TF | TensorFlow 2 | TF2
Keras | keras | tf.keras
JAX | Google JAX
Apache MXNet | MXNet | mxnet
Caffe | caffe
Caffe2
PaddlePaddle
Torch (Lua) | Lua Torch
# --- web and backend frameworks
Django | django
Django REST framework | DRF | Django Rest Framework
Flask | flask
FastAPI | Fast API | fastapi
Starlette
Tornado
aiohttp
Sanic
Pyramid (web framework)
Falcon (web framework)
Streamlit | streamlit
Gradio | gradio
Dash | Plotly Dash
HoloViz Panel
Spring | Spring Framework
Spring Boot | SpringBoot | Spring-Boot
Spring Batch
Spring Cloud
Quarkus
Micronaut
Play Framework
Akka | Akka Streams
Vert.x
Dropwizard
Jakarta EE | Java EE | J2EE | JEE
ASP.NET | ASP.NET Core | ASP .NET
Blazor
Express.js | Express | ExpressJS | Express JS
NestJS | Nest.js
Koa | Koa.js
Fastify
Hapi | hapi.js
tRPC
Ruby on Rails | Rails | RoR
Sinatra
Laravel
Symfony
CodeIgniter
Phoenix Framework | Phoenix (Elixir) | Elixir Phoenix | Phoenix
Gin | Gin framework
Echo (Go framework) | Echo framework | Go Echo
Fiber (Go framework) | Go Fiber | GoFiber
Actix | Actix Web
Axum
Tokio
Rocket (Rust) | Rocket.rs
# --- front-end and mobile frameworks
React | React.js | ReactJS | React JS | Reactjs | React 18
React Native | ReactNative
Angular | Angular 2+ | Angular2
AngularJS | Angular.js
Vue.js | Vue | VueJS | Vue 3 | Vue.js 3
Nuxt | Nuxt.js | NuxtJS
Svelte
SvelteKit
Next.js | NextJS | Next JS | Nextjs
Remix
Gatsby
Astro
Ember.js | Ember | EmberJS
Backbone.js | Backbone
Knockout.js
Solid.js | SolidJS
Preact
Alpine.js
htmx
Bootstrap | Twitter Bootstrap
Tailwind CSS | Tailwind | TailwindCSS
Foundation (CSS framework)
Electron | Electron.js
Tauri
Flutter
Ionic
Capacitor | Capacitor.js
Xamarin
.NET MAUI | MAUI
SwiftUI
UIKit
Jetpack Compose
Android Jetpack
Kotlin Multiplatform
Expo | Expo (React Native)
Unity | Unity3D | Unity 3D
Unreal Engine | Unreal | UE5 | UE4
Godot
Cucumber | Gherkin
Robot Framework
Cypress | Cypress.io
Jest
Mocha | Mocha.js
Jasmine
Vitest
Playwright | playwright
Selenium | Selenium WebDriver | WebDriver
Appium
pytest | py.test | Pytest
unittest | PyUnit
Hypothesis (testing library)
""")

block("platform", r"""
# --- Hadoop and big-data ecosystem
Hadoop | Apache Hadoop | Hadoop ecosystem | Hadoop stack
HDFS | Hadoop Distributed File System
MapReduce | Map Reduce | Map-Reduce | Hadoop MapReduce | Map/Reduce
Hadoop YARN | Apache Hadoop YARN | YARN (Hadoop)
Apache Spark | Spark | spark | Apache Spark Core | Spark Core
Spark Streaming | Spark Structured Streaming | Structured Streaming
Spark SQL | SparkSQL
GraphX | Spark GraphX
Apache Flink | Flink | PyFlink
Apache Storm | Storm
Apache Beam | Beam
Apache Kafka | Kafka | kafka
Kafka Streams | KStreams
Kafka Connect
ksqlDB | KSQL
Confluent | Confluent Platform | Confluent Cloud
Schema Registry | Confluent Schema Registry
Apache Pulsar | Pulsar
RabbitMQ | Rabbit MQ
ActiveMQ | Apache ActiveMQ
NATS
Redpanda
Apache NiFi | NiFi | Ni-Fi
Apache Airflow | Airflow | airflow
Luigi
Prefect
Dagster
Argo Workflows | Argo
Apache Oozie | Oozie
Azkaban
Hive | Apache Hive
Apache Pig | Pig | Pig Latin
Apache HBase | HBase | Hbase
Apache Impala | Impala | Cloudera Impala
Presto | PrestoDB
Trino | Trino (Presto SQL) | PrestoSQL
Apache Drill | Drill
Apache Kylin | Kylin
Apache Sqoop | Sqoop
Apache Flume | Flume
Apache ZooKeeper | ZooKeeper | Zookeeper
Apache Mesos | Mesos
Apache Ambari | Ambari
Apache Tez | Tez
Apache Ranger
Apache Atlas
Apache Livy | Livy
Apache Ignite
Hazelcast
Apache Samza | Samza
Apache Giraph | Giraph
Apache Hama
Apache Crunch
Cascading
Scalding
Apache Calcite
Apache Zeppelin | Zeppelin
Apache Sedona | GeoSpark
Apache Gobblin
Apache Camel
Apache ServiceMix
Cloudera | CDH | Cloudera Data Platform
Hortonworks | HDP | Hortonworks Data Platform
MapR
Databricks | Databricks Lakehouse | Databricks platform | Data Bricks
Unity Catalog | Databricks Unity Catalog
Databricks Delta Live Tables | Delta Live Tables
Ray | Ray.io | Anyscale Ray
Ray Serve
Spark on Kubernetes
Dataiku | Dataiku DSS
KNIME
RapidMiner | Altair RapidMiner
DataRobot
H2O.ai | H2O | H2O Driverless AI
SAS Viya | SAS Enterprise Miner | SAS EM
IBM SPSS Modeler | SPSS Modeler
IBM Watson | Watson
IBM watsonx | watsonx.ai | Watson Studio | IBM Watson Studio
Palantir Foundry
Palantir AIP
C3 AI | C3.ai
Alteryx | alteryx | Alteryx Designer
Informatica | Informatica PowerCenter | Informatica IICS
Talend
Ab Initio | AbInitio
SSIS | SQL Server Integration Services
IBM DataStage | DataStage | InfoSphere DataStage
Oracle Data Integrator | ODI
Pentaho Data Integration
Matillion
Fivetran
Stitch | Stitch Data
Airbyte
Meltano
Census | Census reverse ETL
Hightouch
Segment | Twilio Segment | Segment.io
RudderStack
Snowplow | Snowplow Analytics
mParticle
Debezium
Striim
StreamSets
Kafka MirrorMaker
Spring Cloud Data Flow | Spring DataFlow | SCDF
Temporal | Temporal.io
# --- operating systems
Linux | linux | GNU/Linux
Unix | UNIX | *nix
Windows | Microsoft Windows | MS Windows
Windows Server
macOS | Mac OS | OS X | Mac OS X
Ubuntu | ubuntu
CentOS | Centos
RHEL | Red Hat Enterprise Linux
Red Hat | RedHat
Debian
Fedora
Rocky Linux
Amazon Linux
SUSE Linux | SUSE | SLES
Solaris | Sun Solaris | Sun Solaris OS | Oracle Solaris
AIX | IBM AIX
HP-UX
FreeBSD
Android | Android OS | Android SDK
iOS | iOS SDK
Windows Subsystem for Linux | WSL
z/OS | zOS
mainframe | mainframes | IBM mainframe
embedded Linux | Yocto | Yocto Project
RTOS | real-time operating system | FreeRTOS | Zephyr RTOS
QNX
VxWorks
# --- containers, orchestration, infra
Docker | docker | Docker containers | Dockerfile | Dockerfiles
Docker Compose | docker-compose
Docker Swarm
Kubernetes | K8s | kubernetes
OpenShift | Red Hat OpenShift | OKD
Rancher | Rancher Kubernetes
RKE2 | RKE
K3s
vcluster | vCluster
Istio
Linkerd
Envoy | Envoy Proxy
Cilium
Calico
containerd
CRI-O
Podman
Buildah
Kaniko
Nomad | HashiCorp Nomad
Consul | HashiCorp Consul
Knative
OpenFaaS
Slurm | SLURM
HTCondor
PBS Pro
IBM Spectrum LSF | LSF
VMware | VMWare
VMware vSphere | vSphere | ESXi
VMware Player | VMWare Player
VirtualBox
Hyper-V
KVM
Xen
QEMU
Proxmox
OpenStack
Portworx
Ceph
MinIO
GlusterFS
Lustre
NetApp
NFS | Network File System
NGINX | Nginx | nginx
Apache HTTP Server | Apache httpd | httpd
Apache Tomcat | Tomcat
JBoss | WildFly
Oracle WebLogic | WebLogic
IBM WebSphere | WebSphere
IIS | Internet Information Services
HAProxy
Traefik
Kong | Kong API Gateway | Kong Gateway
Apigee
MuleSoft | Mule ESB
Cloudflare | Cloudflare Workers
Akamai
Fastly
Vercel | vercel
Netlify
Heroku
Fly.io
Supabase | supabase
Firebase | Google Firebase
Appwrite
PocketBase
Node.js | Node | NodeJS | Node JS | node.js | Nodejs
Deno
Bun.js | Bun
.NET | .NET Core | .NET Framework | dotnet | DotNet
JVM | Java Virtual Machine
GraalVM
WebAssembly | Wasm | WASM
CUDA | NVIDIA CUDA | CUDA programming | CUDA C++
ROCm | AMD ROCm
GPU clusters | GPU cluster
TPU | TPUs | Tensor Processing Unit | Cloud TPU
FPGA | FPGAs | field-programmable gate arrays
NVIDIA Jetson | Jetson | Jetson Nano
NVIDIA DGX | DGX
NVIDIA Omniverse | Omniverse
NVIDIA Isaac | Isaac Sim | Isaac Gym
NVIDIA DeepStream | DeepStream
Arduino
Raspberry Pi
ROS | Robot Operating System | ROS2 | ROS 2
Gazebo
CARLA | CARLA simulator
MuJoCo
LAMP stack
MEAN stack
MERN stack | MERN
JAMstack
# --- enterprise and SaaS platforms
Salesforce | Salesforce.com | SFDC | Salesforce CRM
HubSpot | Hubspot
SAP | SAP ERP | SAP ECC
SAP S/4HANA | S/4HANA | S4HANA | S/4 HANA
SAP BW | SAP Business Warehouse | SAP BI/BW
SAP BW/4HANA | BW/4HANA | BW4HANA
SAP Data Services | SAP BODS | BODS | BusinessObjects Data Services
SAP SLT | SLT | SAP Landscape Transformation
SAP SDA | SDA | Smart Data Access
SAP SDI | SDI | Smart Data Integration
SAP HANA Live | HANA Live
SAP Datasphere | SAP Data Warehouse Cloud
SAP Analytics Cloud
SAP Fiori | Fiori
SAP SuccessFactors | SuccessFactors
SAP Ariba | Ariba
Oracle E-Business Suite | Oracle EBS
Oracle Fusion | Oracle Cloud ERP
Oracle NetSuite | NetSuite
Oracle PeopleSoft | PeopleSoft
Workday
ServiceNow
Microsoft Dynamics 365 | Dynamics 365 | Microsoft Dynamics | Dynamics CRM
Microsoft Power Platform | Power Platform
Power Apps | PowerApps
Power Automate | Microsoft Flow
Marketo | Adobe Marketo
Salesforce Marketing Cloud | ExactTarget
Adobe Experience Platform | AEP
Adobe Experience Manager | AEM
Adobe Target
Adobe Campaign
Braze
Iterable
Klaviyo
Mailchimp
Zendesk
Intercom
Shopify
Magento | Adobe Commerce
WordPress
Drupal
Contentful
Stripe | Stripe API
Twilio | Twilio API
SendGrid | Sendgrid
Plaid
PayPal | Braintree
Polygon.io
OriginTrail | OriginTrail DKG
Epic (EHR) | Epic Systems | Epic EHR | Epic
Cerner | Oracle Health
Veeva | Veeva Vault | Veeva CRM
Medidata Rave | Medidata
Guidewire
Bloomberg Terminal | Bloomberg
Refinitiv Eikon | Refinitiv | Thomson Reuters Eikon
FactSet
Google Earth Engine | Earth Engine | GEE
Kaggle
Google Colab | Colab | Colaboratory
Hugging Face | HuggingFace | Hugging Face Hub | Huggingface
Replicate
Together AI | Together.ai
Fireworks AI
Groq
Cerebras
SambaNova
CoreWeave
Lambda Labs | Lambda Cloud
RunPod
Modal | Modal Labs
Paperspace | Gradient by Paperspace
Vast.ai
Anyscale
Determined AI
Run:ai | Run AI
Domino Data Lab
Amazon Mechanical Turk | Mechanical Turk | MTurk
""")
block("database", r"""
# --- relational
PostgreSQL | Postgres | PostgresSQL | Postgre SQL | PostgreSQL database | PSQL | Postgresql | PostGres
MySQL | MySql | mysql | My SQL
MariaDB
SQLite | sqlite | SQLite3
Microsoft SQL Server | SQL Server | MS SQL Server | MSSQL | MS SQL | SQL Server Database | SQLServer
Oracle Database | Oracle | Oracle DB | Oracle 11g | Oracle 12c | Oracle 19c | Oracle Databases | Oracle RDBMS
IBM Db2 | DB2 | Db2 | IBM DB2
Teradata | teradata
Netezza | IBM Netezza
Vertica | HP Vertica
Greenplum
Sybase | SAP ASE | Sybase ASE
SAP HANA | HANA | SAP Hana
Informix | IBM Informix
Microsoft Access | MS Access | Access | Access database
FileMaker | FileMaker Pro
H2 Database
CockroachDB
YugabyteDB
TiDB
SingleStore | MemSQL
PlanetScale
Neon (Postgres) | Neon
AlloyDB | Google AlloyDB
Amazon Aurora | Aurora | AWS Aurora | Aurora PostgreSQL | Aurora MySQL
Oracle Exadata | Exadata
Oracle Label Security | OLS Security
Exasol
Firebolt
immudb | ImmuDB
PostGIS
pgvector
TimescaleDB | Timescale
# --- NoSQL, key-value, document, wide-column
MongoDB | Mongo | Mongo DB | mongodb
Apache Cassandra | Cassandra | DataStax
ScyllaDB
Couchbase
CouchDB | Apache CouchDB
Redis | redis | Redis Cache
Memcached | memcache
Valkey
DynamoDB | Amazon DynamoDB | AWS DynamoDB | Dynamo DB
Amazon DocumentDB | DocumentDB
Azure Cosmos DB | Cosmos DB | CosmosDB
Firestore | Cloud Firestore
Bigtable | BigTable | Cloud Bigtable | Google Bigtable
Cloud Spanner | Spanner | Google Spanner
Apache Accumulo | Accumulo
RocksDB
LevelDB
etcd
FoundationDB
Riak
Aerospike
MarkLogic
RavenDB
Realm | MongoDB Realm
# --- graph and RDF
Neo4j | neo4j | Neo4J
Amazon Neptune | Neptune
ArangoDB
JanusGraph
TigerGraph
Dgraph
OrientDB
Memgraph
GraphDB | Ontotext GraphDB
Stardog
AllegroGraph
Virtuoso | OpenLink Virtuoso
Apache Jena | Jena
# --- search and vector
Elasticsearch | ElasticSearch | Elastic Search
OpenSearch | Amazon OpenSearch | AWS OpenSearch | Amazon OpenSearch Service
Apache Solr | Solr | SOLR
Algolia
Meilisearch
Typesense
Vespa | Vespa.ai
Pinecone
Weaviate
Milvus | Zilliz
Qdrant
Chroma | ChromaDB
LanceDB
Turbopuffer
# --- analytics and time series
Snowflake | snowflake | Snowflake Data Cloud
ClickHouse | Clickhouse
Apache Druid | Druid
Apache Pinot | Pinot
DuckDB | duckdb
MotherDuck
InfluxDB
kdb+ | kdb | KDB+
QuestDB
Apache Doris
StarRocks
Rockset
TDMS
BOLD | Barcode of Life Data System | BOLD Systems
# --- kinds of database and storage
relational databases | relational database | RDBMS | Relational Database Management Systems | relational database management system | Relational Databases | relational or multi-dimensional databases | relational data stores | RDBMSs
NoSQL | noSQL | No-SQL | NoSQL databases | non-relational databases
graph databases | graph database | graph stores | triplestore | triple store | triplestore/graph
vector databases | vector database | vector DB | vector stores | vector store
time-series databases | time series database | TSDB
document databases | document database | document store | document stores
key-value stores | key-value store | key value store
columnar databases | columnar database | column-oriented databases | columnar storage
in-memory databases | in-memory database | in-memory data grid
transactional databases | transactional database | OLTP databases
databases
database systems | database management systems | DBMS
distributed databases | distributed database
OLAP | online analytical processing | OLAP cubes | OLAP cube
OLTP | online transaction processing
data warehousing | data warehouse | data warehouses | warehousing | enterprise data warehouse | EDW | DWH | data warehoused
data marts | data mart
data lakes | data lake | data-lake | datalake
data lakehouse | lakehouse | lakehouse architecture
object storage | object stores
stored procedures | stored procedure | stored procs
UDFs | UDF | user-defined functions | user defined functions
window functions | window function | analytic functions
self-joins | self join | self-join
database indexing | database indexes | indexing strategies
""")

block("cloud", r"""
AWS | Amazon Web Services | Amazon AWS | AWS cloud | Amazon Web Service
Google Cloud Platform | GCP | Google Cloud | Google Cloud Platform (GCP)
Microsoft Azure | Azure | MS Azure | Azure cloud | Windows Azure
Oracle Cloud Infrastructure | OCI | Oracle Cloud
IBM Cloud | IBM Bluemix
Alibaba Cloud | Aliyun
Tencent Cloud
DigitalOcean | Digital Ocean
Linode | Akamai Cloud
OVHcloud | OVH
Hetzner
# --- AWS services
Amazon S3 | S3 | AWS S3 | Simple Storage Service | S3 buckets
Amazon EC2 | EC2 | AWS EC2 | Elastic Compute Cloud
AWS Lambda | Lambda | Lambda functions | AWS Lambdas | Lambdas | Amazon Lambdas
Amazon ECS | ECS | AWS ECS | Elastic Container Service | EC2 Container Service
Amazon EKS | EKS | AWS EKS | Elastic Kubernetes Service
AWS Fargate | Fargate
Amazon ECR | ECR | Elastic Container Registry
Amazon EMR | EMR | AWS EMR | Elastic MapReduce | Amazon Elastic MapReduce
Amazon Redshift | Redshift | redshift | AWS Redshift | Redshift Spectrum
Amazon Athena | Athena | AWS Athena
AWS Glue | Glue | Glue ETL | AWS Glue Data Catalog | Glue Data Catalog
AWS Glue DataBrew | DataBrew
AWS Lake Formation | Lake Formation
Amazon Kinesis | Kinesis | Kinesis Data Streams | Kinesis Firehose | Amazon Data Firehose | Kinesis Data Analytics
Amazon MSK | MSK | Managed Streaming for Apache Kafka
Amazon RDS | RDS | AWS RDS | Relational Database Service
Amazon ElastiCache | ElastiCache
Amazon Timestream | Timestream
Amazon QLDB
Amazon SageMaker | SageMaker | AWS SageMaker | Sagemaker | SageMaker Studio | SageMaker AI
Amazon SageMaker Pipelines | SageMaker Pipelines
Amazon SageMaker Ground Truth | SageMaker Ground Truth
Amazon Bedrock | Bedrock | AWS Bedrock | Bedrock Agents
Amazon Q | Amazon Q Developer | CodeWhisperer | Amazon CodeWhisperer
Amazon Comprehend | AWS Comprehend
Amazon Rekognition | Rekognition
Amazon Textract | Textract
Amazon Transcribe | AWS Transcribe
Amazon Polly
Amazon Lex
Amazon Translate
Amazon Personalize
Amazon Forecast
Amazon Kendra | Kendra
Amazon Connect
AWS Trainium | Trainium
AWS Inferentia | Inferentia
Amazon CloudWatch | CloudWatch | Cloudwatch | AWS CloudWatch
AWS CloudTrail | CloudTrail
AWS X-Ray | X-Ray tracing
AWS CloudFormation | CloudFormation | CFN | Cloudformation
AWS CDK | CDK | Cloud Development Kit
AWS SAM | Serverless Application Model
AWS IAM | IAM roles | IAM policies
Amazon VPC | VPC | VPCs
Amazon SQS | SQS | Simple Queue Service
Amazon SNS | SNS | Simple Notification Service | AWS SNS
Amazon EventBridge | EventBridge
Amazon API Gateway | API Gateway | AWS API Gateway
AWS Step Functions | Step Functions
AWS Batch
AWS CodePipeline | CodePipeline
AWS CodeBuild | CodeBuild
AWS CodeDeploy | CodeDeploy
AWS CodeCommit | CodeCommit
Amazon CloudFront | CloudFront
Amazon Route 53 | Route 53 | Route53
Elastic Load Balancing | ELB | ALB | Application Load Balancer
AWS Elastic Beanstalk | Elastic Beanstalk
AWS Secrets Manager | Secrets Manager
AWS KMS | KMS | Key Management Service
AWS Systems Manager | SSM Parameter Store
AWS DMS | Database Migration Service | AWS Database Migration Service
AWS Data Pipeline
Amazon MWAA | MWAA | Managed Workflows for Apache Airflow
Amazon EFS | EFS | Elastic File System
Amazon EBS | EBS | Elastic Block Store
Amazon S3 Glacier | Glacier | S3 Glacier
AWS Amplify | Amplify
AWS AppSync | AppSync
Amazon Cognito | Cognito
AWS WAF
AWS Organizations
AWS Control Tower | Control Tower
AWS Direct Connect | Direct Connect
AWS Outposts
AWS Well-Architected Framework | Well-Architected
Amazon Augmented AI | Amazon A2I
AWS Deep Learning AMIs | Deep Learning AMI | DLAMI
AWS ParallelCluster | ParallelCluster
Amazon FSx | FSx for Lustre | FSx
# --- Google Cloud services
BigQuery | Big Query | Google BigQuery | GBQ | BigQuery ML | BQML
Google Cloud Storage | GCS
Google Compute Engine | Compute Engine | GCE
Google Kubernetes Engine | GKE | Google Container Engine
Cloud Run | Google Cloud Run
Cloud Functions | Google Cloud Functions
Google App Engine | App Engine | GAE
Google Cloud Dataflow | Dataflow | Cloud Dataflow
Dataproc | Google Dataproc | Cloud Dataproc
Google Cloud Pub/Sub | Pub/Sub | PubSub | Cloud Pub/Sub
Cloud Composer | Google Cloud Composer
Vertex AI | Google Vertex AI | VertexAI | Google AI Platform | Cloud AI Platform | Cloud ML Engine
Vertex AI Pipelines
Vertex AI Search | Vertex AI Agent Builder
Cloud SQL | Google Cloud SQL
Cloud Build | Google Cloud Build
Artifact Registry | Google Artifact Registry
Dataplex
Dataform
Cloud Data Fusion | Data Fusion
Google Cloud Datastream | GCP Datastream
Google Cloud Document AI | Document AI
Google Cloud Vision API | Cloud Vision API | Vision API
Google Cloud Natural Language API | Cloud Natural Language
Google Cloud Speech-to-Text | Cloud Speech-to-Text | Google Speech API
Google Cloud Translation API | Cloud Translation | Google Translate API
Dialogflow | Dialogflow CX | API.AI
Google Cloud Operations Suite | Stackdriver | Cloud Logging | Cloud Monitoring
Memorystore | Cloud Memorystore
Cloud Scheduler
Cloud Tasks
Google Cloud Endpoints | Cloud Endpoints
Firebase ML
Google Analytics Hub | Analytics Hub
Cloud Dataprep
Google Cloud Healthcare API | Cloud Healthcare API
Google Workspace | G Suite | GSuite | Google Apps
# --- Microsoft Azure services
Azure Machine Learning | Azure ML | AzureML | Azure Machine Learning Studio | Azure ML Studio
Azure Databricks
Azure Synapse Analytics | Azure Synapse | Synapse | Synapse Analytics | Azure SQL Data Warehouse | Azure SQL DW
Azure Data Factory | ADF | Data Factory
Azure Data Lake Storage | ADLS | ADLS Gen2 | Azure Data Lake | Azure Data Lake Store
Azure Blob Storage | Blob Storage | Azure Storage
Azure SQL Database | Azure SQL | Azure SQL DB
Azure Database for PostgreSQL
Azure Functions | Azure Function
Azure Kubernetes Service | AKS
Azure Container Instances
Azure Container Registry | ACR
Azure App Service | App Service
Azure DevOps | VSTS | Visual Studio Team Services
Azure Pipelines
Azure Event Hubs | Event Hubs | Event Hub | EventHub
Azure Event Grid | Event Grid
Azure Service Bus | Service Bus
Azure Stream Analytics | Stream Analytics
Azure HDInsight | HDInsight
Azure Data Explorer | Kusto | ADX
Azure Analysis Services
Azure Logic Apps | Logic Apps
Azure Key Vault | Key Vault
Azure Monitor | Application Insights | App Insights | Log Analytics
Microsoft Entra ID | Azure Active Directory | Azure AD | AAD | Entra ID
Azure Virtual Machines | Azure VMs | Azure VM
Azure Resource Manager | ARM templates | ARM template
Bicep | Azure Bicep
Azure OpenAI Service | Azure OpenAI | AOAI
Azure AI Services | Azure Cognitive Services | Cognitive Services
Azure AI Search | Azure Cognitive Search | Azure Search
Azure AI Foundry | Azure AI Studio | AI Foundry
Azure Bot Service | Bot Framework | Microsoft Bot Framework
Azure IoT Hub | IoT Hub
Azure Batch
Azure Arc
Microsoft Fabric | Fabric | MS Fabric
Microsoft Purview | Azure Purview | Purview
# --- other managed services
IBM Cloud Pak for Data | Cloud Pak for Data | CP4D
Oracle Autonomous Database | Autonomous Data Warehouse
Snowflake Snowpark | Snowpark
Snowflake Cortex | Cortex AI
Databricks SQL | DBSQL
Databricks Mosaic AI | Mosaic AI | MosaicML
Heroku Postgres
MongoDB Atlas
Elastic Cloud
Aiven
""")
block("mlops", r"""
MLflow | mlflow | ML Flow | MLFlow
Kubeflow | KubeFlow
Kubeflow Pipelines | KFP
Katib | Kubeflow Katib
TFX | TensorFlow Extended
Metaflow
ZenML
Flyte
Kedro
DVC | Data Version Control
lakeFS
Pachyderm
Weights & Biases | Weights and Biases | W&B | wandb | WandB
Neptune.ai | neptune.ai
Comet ML | Comet.ml | Opik
ClearML
TensorBoard | Tensorboard
Aim (experiment tracking)
Feast | Feast feature store
Tecton
Hopsworks
Featureform
Vertex AI Feature Store
Databricks Feature Store
Seldon Core | Seldon
KServe | KFServing
BentoML
TorchServe
TensorFlow Serving | TF Serving
Triton Inference Server | NVIDIA Triton | Triton server | NVIDIA Triton Inference Server
vLLM | VLLM | vllm
Text Generation Inference | TGI | HF TGI
SGLang
TensorRT-LLM | TRT-LLM
llama.cpp | llamacpp
Ollama | ollama
LM Studio
NVIDIA NIM | NIM
MLC LLM
ExecuTorch
Cog (Replicate)
MLRun
Valohai
Polyaxon
Great Expectations | great_expectations
Soda | Soda Core
Monte Carlo (data observability) | Monte Carlo Data
Evidently AI
WhyLabs | whylogs
Arize AI | Arize | Arize Phoenix | Phoenix (Arize)
Fiddler AI
Arthur AI
NannyML
Label Studio | LabelStudio
Labelbox
Scale AI | Scale Rapid
Prodigy | Prodigy annotation tool
Snorkel | Snorkel AI | Snorkel Flow
CVAT | Computer Vision Annotation Tool
Roboflow
SuperAnnotate
Amazon SageMaker Clarify | SageMaker Clarify
LangSmith
Langfuse
Helicone
Promptfoo
Ragas | RAGAS
DeepEval
TruLens
Braintrust (LLM evals)
OpenAI Evals
lm-evaluation-harness | LM Eval Harness | EleutherAI eval harness
HELM benchmark
Guardrails AI
NeMo Guardrails
Llama Guard
Unsloth
Axolotl
torchtune
LLaMA-Factory | LLaMA Factory
Colossal-AI | ColossalAI
Kubeflow Training Operator | PyTorchJob
Volcano (Kubernetes scheduler)
Kueue
Ray Tune
Kubernetes GPU Operator | NVIDIA GPU Operator
Dify
Flowise
Langflow
n8n
Vellum
Humanloop
PromptLayer
MLflow Model Registry
SageMaker Model Monitor | Amazon SageMaker Model Monitor
Azure ML Pipelines
Argo Rollouts
Feathr
Chalk
""")

block("tool", r"""
statistical software | statistical and analytical software | statistical packages | statistical software packages | statistical computing software
CRM | CRM tool | CRM tools | CRM systems | CRM software | customer relationship management
LLVM
MLIR
# --- version control and collaboration
Git | GIT | git
GitHub | Github | github
GitLab | Gitlab
Bitbucket | BitBucket | bitbucket
Subversion | SVN | Apache Subversion
Mercurial
CVS | Concurrent Versions System
Perforce | Helix Core
RCS | Revision Control System
Team Foundation Server | TFS | Azure DevOps Server
Gitflow | Git-Flow | git flow | GitFlow
Gerrit
Jira | JIRA | Atlassian Jira
Confluence | Atlassian Confluence
Trello
Asana
Notion
Linear (issue tracker) | Linear.app
Monday.com
Slack
Microsoft Teams | MS Teams
Miro
Lucidchart
draw.io | diagrams.net
OmniGraffle
Balsamiq
Figma | figma
Sketch (design tool) | Sketch app
Adobe XD
Adobe Photoshop | Photoshop
Adobe Illustrator | Illustrator
Adobe Creative Suite | Adobe Creative Cloud
InVision
# --- office and spreadsheets
Excel | Microsoft Excel | MS Excel | MS-Excel | Excel Macros | Excel macros | advanced Excel | Excel spreadsheets | EXCEL
Microsoft Word | MS Word | Word | Word documents
PowerPoint | Microsoft PowerPoint | MS PowerPoint | Powerpoint | PPT | PowerPoints
Microsoft Office | MS Office | Microsoft Office suite | Microsoft Suite | Microsoft Office Suite | Office 365 | Microsoft 365 | MS Office Suite | O365 | MSOffice
Microsoft Publisher | Publisher | MS Publisher
Microsoft Visio | Visio | MS Visio
Microsoft Project | MS Project
Outlook | Microsoft Outlook | MS Outlook
SharePoint | Sharepoint | Microsoft SharePoint
OneNote
Keynote | Apple Keynote
Google Sheets | Google Spreadsheets
Google Docs
Google Slides
Airtable
Smartsheet
spreadsheets | spreadsheet | spreadsheet software
pivot tables | pivot table | Pivot Tables | PivotTables
VLOOKUP | V lookup | VLOOKUPs | XLOOKUP | HLOOKUP
Power Query
Power Pivot | PowerPivot
Excel Solver | Solver add-in
# --- IDEs, notebooks, editors
Jupyter | Jupyter notebooks | Jupyter Notebook | JupyterLab | Jupyter Lab | IPython | ipynb
JupyterHub
RStudio | R Studio
Quarto
Visual Studio Code | VS Code | VSCode
Visual Studio
PyCharm
IntelliJ IDEA | IntelliJ
Eclipse | Eclipse IDE
NetBeans
Spyder
Xcode
Android Studio
Vim | Neovim
Emacs
Sublime Text
Databricks notebooks
Zeppelin notebooks
Deepnote
Observable | ObservableHQ
# --- AI coding tools
Cursor | Cursor IDE | Cursor AI
Claude Code
GitHub Copilot | Copilot | GH Copilot
OpenAI Codex | Codex | Codex CLI
Windsurf | Codeium
Aider
Tabnine
Sourcegraph Cody
Replit
CodeRabbit | CodeRabbitAI | Code Rabbit
Gemini CLI
Bolt.new
# --- package, build and language tooling
Anaconda | Anaconda Distribution
conda | Conda | Miniconda | mamba
pip | pip install | PyPI
Poetry | Python Poetry
uv
pyenv
virtualenv | venv | virtual environments
setuptools
Pipenv
npm | NPM
Yarn | yarn
pnpm
Maven | Apache Maven | mvn
Gradle
Apache Ant
sbt | SBT
Bazel
CMake | cmake
GNU Make | Makefile | Makefiles
Autotools
Ninja (build system)
Webpack | webpack
Vite | Vite.js
Babel
SWC
esbuild
Rollup
Turborepo
Lerna
ESLint
Prettier
Black (formatter) | black formatter
Ruff
Flake8
Pylint
mypy | MyPy
Pyright
pre-commit
Sphinx
MkDocs
Doxygen
Javadoc
Swagger | Swagger UI | SwaggerHub
Postman
Insomnia
SoapUI
JMeter | Apache JMeter
Locust
k6
Gatling
BrowserStack
Sauce Labs
LambdaTest
Valgrind
GDB | gdb
LLDB
perf (Linux)
strace
Wireshark
tcpdump
Nmap
Metasploit
Burp Suite
Ghidra
IDA Pro
Binary Ninja
radare2
Kali Linux
OWASP ZAP
Snort
Suricata
Zeek | Bro IDS
SonarQube | SonarCloud
Snyk
Dependabot
Trivy
Checkmarx
Veracode
Fortify | Micro Focus Fortify
Semgrep
CodeQL
HashiCorp Vault | Vault
Keycloak
Okta
Auth0
Ping Identity | PingFederate
Open Policy Agent | OPA
OPA Gatekeeper | Gatekeeper
Kyverno
Falco
CyberArk
CrowdStrike | CrowdStrike Falcon
Splunk | splunk
IBM QRadar | QRadar
Microsoft Sentinel | Azure Sentinel
# --- CI/CD, infrastructure as code
Jenkins | jenkins | Jenkins pipelines | Jenkinsfile
CircleCI | Circle CI
Travis CI | TravisCI
GitHub Actions | Github Actions | GitHub workflows
GitLab CI | GitLab CI/CD | gitlab-ci
Bamboo | Atlassian Bamboo
TeamCity
Buildkite
Drone CI
Argo CD | ArgoCD
Flux CD | FluxCD
Spinnaker
Tekton
Octopus Deploy
Harness
Terraform | terraform | HashiCorp Terraform | Terraform Cloud
OpenTofu
Pulumi
Ansible | ansible | Ansible Tower | AWX
Chef
Puppet
SaltStack
Packer | HashiCorp Packer
Vagrant
Crossplane
Helm | Helm charts
Kustomize
kubectl
k9s
Skaffold
Terragrunt
# --- observability
Datadog | DataDog
New Relic | NewRelic
Grafana | grafana
Prometheus | prometheus
Nagios
Zabbix
Ganglia
Sentry | sentry.io
PagerDuty
Opsgenie
Dynatrace
AppDynamics
Honeycomb
Jaeger
Zipkin
Loki | Grafana Loki
Tempo (Grafana)
Kibana | kibana
Logstash
Fluentd
Fluent Bit
ELK Stack | ELK | Elastic Stack
Sumo Logic
Graylog
Elastic APM
Lightstep
Statsd | StatsD
Telegraf
# --- statistics, maths and scientific software
SAS | SAS software | SAS Enterprise Guide | SAS EG | SAS/STAT
SPSS | IBM SPSS | SPSS Statistics
JMP | JMP Pro
Minitab
EViews
GraphPad Prism | Prism (GraphPad) | GraphPad
OriginLab | Origin Pro | OriginPro
Simulink
Mathematica
Maple | Maplesoft
LabVIEW | Labview
Gurobi | GUROBI | Gurobi Optimizer
CPLEX | IBM CPLEX | ILOG CPLEX
FICO Xpress | Xpress
MOSEK
SCIP
GLPK
CBC (COIN-OR) | COIN-OR
Hexaly | LocalSolver
AnyLogic
Arena (simulation software)
Simio
FlexSim
Dymola
OpenModelica
ANSYS | Ansys
COMSOL | COMSOL Multiphysics
Abaqus
OpenFOAM
SolidWorks
AutoCAD
CATIA
Siemens NX
MSC Adams
LTspice | SPICE
Cadence Virtuoso | Cadence
Synopsys
Xilinx Vivado | Vivado
Intel Quartus | Quartus
KiCad
Altium Designer | Altium
Isabelle | Isabelle/HOL
Rocq | Coq | rocq
Lean 4 | Lean prover | Lean theorem prover
TLA+
Alloy (formal methods)
Dafny
Agda
Z3 | Z3 solver
# --- GIS and remote sensing
ArcGIS | ARCGIS | ArcGIS Pro | ArcMap | Esri ArcGIS
ArcGIS Server | ArcServer | ArcGIS Enterprise
QGIS
GRASS GIS
ERDAS Imagine | ERDAS
ENVI
Google Earth
Pix4D
Agisoft Metashape | Metashape | PhotoScan
# --- science and lab software
electronic lab notebook | ELN | electronic laboratory notebook | electronic lab notebooks
LIMS | laboratory information management system | laboratory information management systems
Benchling
SnapGene
Geneious
ImageJ | Fiji
CellProfiler
FlowJo
ChemDraw
Schrödinger Suite | Schrodinger | Schrödinger | Maestro (Schrödinger)
Gaussian (software)
VASP
LAMMPS
GROMACS
CHARMM
NAMD
Rosetta | Rosetta Commons | PyRosetta
AutoDock | AutoDock Vina
PyMOL
UCSF Chimera | ChimeraX
Cytoscape
IGV | Integrative Genomics Viewer
Nextflow
Snakemake
Common Workflow Language | CWL
Galaxy (bioinformatics)
BLAST | NCBI BLAST
SAMtools | samtools
BCFtools | bcftools
GATK | Genome Analysis Toolkit
BWA
Bowtie | Bowtie2
STAR aligner
HISAT2
Cell Ranger | CellRanger
Unicorn | UNICORN (Cytiva) | UNICORN
LUCID keys | LUCID | Lucid key
Kaldi
Praat
ELAN (annotation tool)
# --- data movement and misc
dbt | DBT | data build tool | dbt Core | dbt Cloud
SQLMesh
Apache Hop
Zapier
Make.com
UiPath
Blue Prism
Automation Anywhere
Selenium IDE
cron | crontab | cron jobs
Cygwin
PuTTY
tmux
Homebrew
Kafka UI
pgAdmin
DBeaver
DataGrip
SQL Server Management Studio | SSMS
Toad | Toad for Oracle
Oracle SQL Developer | SQL Developer
MySQL Workbench
Erwin | erwin Data Modeler
ER/Studio
SAP HANA Studio | HANA studio | HANA Studio
BIDS | Business Intelligence Development Studio | SSDT | SQL Server Data Tools
LaTeX | Latex | TeX | Overleaf
Markdown
Pandoc
Zotero
Mendeley
EndNote
NVivo
ATLAS.ti
Dedoose
Qualtrics
SurveyMonkey
Google Forms
REDCap
Optimizely
LaunchDarkly
Statsig
Eppo
GrowthBook
VWO | Visual Website Optimizer
Google Optimize
Google Tag Manager
Google Ads | AdWords | Google AdWords
Meta Ads | Facebook Ads
The Trade Desk
Google Ad Manager | DoubleClick | DFP
Google Search Console
SEMrush
Ahrefs
Hotjar
FullStory
Pendo
""")
block("bi-tool", r"""
Tableau | tableau | Tableau Desktop | Tableau Server | Tableau Online | Tableau Cloud
Tableau Prep | Tableau Prep Builder
Power BI | PowerBI | Microsoft Power BI | MS Power BI | Power BI Desktop | PBI
Looker | looker
Looker Studio | Google Data Studio | Data Studio | datastudio | Google Looker Studio
Qlik | QLIK | Qlik Sense | QlikSense
QlikView | Qlik View | ClickView | Qlikview
MicroStrategy | Microstrategy
SAP BusinessObjects | Business Objects | BusinessObjects | BOBJ | SAP BO | Web Intelligence | WebI
IBM Cognos | Cognos | Cognos Analytics
Spotfire | SpotFire | TIBCO Spotfire
Domo
Sisense
Mode Analytics
Metabase
Apache Superset | Superset
Redash
Sigma Computing
ThoughtSpot
Hex | Hex Technologies
Periscope Data | Periscope
Chartio
Amazon QuickSight | QuickSight | AWS QuickSight
Oracle Business Intelligence | OBIEE | Oracle BI | Oracle Analytics Cloud
SSRS | SQL Server Reporting Services
SSAS | SQL Server Analysis Services
Crystal Reports
Pentaho | Pentaho BI
Jaspersoft | JasperReports
Birst
Yellowfin BI
Zoho Analytics
Klipfolio
Lightdash
Datawrapper
Flourish | Flourish Studio
Infogram
Google Analytics | GA4 | Google Analytics 4 | Universal Analytics
Adobe Analytics | Omniture | SiteCatalyst | Site Catalyst | Adobe SiteCatalyst
Adobe Report Builder
Adobe Data Warehouse | Adobe Data Wearhouse
Adobe Customer Journey Analytics | CJA
Mixpanel
Amplitude | Amplitude Analytics
Heap | Heap Analytics
PostHog | Posthog
Kissmetrics
Matomo | Piwik
Contentsquare
Quantum Metric
Tableau CRM | Einstein Analytics | CRM Analytics
""")

block("data-format", r"""
JSON | json | JavaScript Object Notation
JSON Lines | JSONL | NDJSON | newline-delimited JSON
JSON Schema
JSON-LD
XML | xml | Extensible Markup Language
XSD | XML Schema
CSV | csv | comma-separated values | CSV files
TSV
YAML | yaml | YML
TOML
Apache Parquet | Parquet | parquet
Apache Avro | Avro | avro
Apache ORC | ORC
Apache Arrow | Arrow
Feather
HDF5 | HDF | Hierarchical Data Format
NetCDF | netCDF
Zarr
Apache Iceberg | Iceberg
Delta Lake | Delta tables | Delta format
Apache Hudi | Hudi
TFRecord | TFRecords
safetensors
GGUF | GGML
pickle | Python pickle
MessagePack | msgpack
BSON
GeoJSON
Shapefile | shapefiles | ESRI Shapefile
GeoTIFF
KML
GeoParquet
LAS (LiDAR format) | LAZ
DICOM
NIfTI
EDF (European Data Format)
FASTQ
FASTA
SAM/BAM | SAM files
VCF | Variant Call Format
GFF | GTF
PDB format | mmCIF
SMILES
SDF (structure-data file)
RDF | Resource Description Framework | RDF triples
OWL | Web Ontology Language
Turtle (RDF)
SKOS
XBRL
WARC
COCO format | COCO dataset format
Pascal VOC format
Excel files | XLSX | xlsx
PMML
OpenLineage
""")
block("standard", r"""
REST APIs | REST | REST API | RESTful APIs | RESTful API | RESTful | RESTful services | REST web services | RESTful web services | REST services | RESTful interfaces
SOAP | SOAP web services
OpenAPI | OpenAPI Specification
OData
JSON-RPC
Server-Sent Events | SSE | Server‑Sent Events
WebSockets | WebSocket | Web Sockets
WebRTC
HTTP | HTTP/2 | HTTP/3 | HTTPS
TCP/IP | TCP | UDP
DNS
TLS | SSL | SSL/TLS | TLS/SSL
SSH | ssh | Secure Shell
SFTP | FTP
MQTT
AMQP
OPC UA | OPC-UA
Modbus
CAN bus | CAN-bus | CANbus
I2C
UART
SPI (serial bus) | Serial Peripheral Interface
PCIe | PCI Express
USB
Bluetooth Low Energy | BLE | Bluetooth
Zigbee
LoRaWAN
5G
LTE
NVMe
RDMA | InfiniBand
OpenGL
Vulkan
DirectX
Metal (Apple)
OpenXR
OAuth | OAuth 2.0 | OAuth2 | OAuth 2
OpenID Connect | OIDC
SAML | SAML 2.0
JWT | JSON Web Tokens | JSON Web Token
SSO | single sign-on | Single Sign On
LDAP | Active Directory
Kerberos
SCIM
WebAuthn | FIDO2
passkeys | passkey
PKI | public key infrastructure | X.509
mTLS | mutual TLS
OWASP | OWASP Top 10
HIPAA | Health Insurance Portability and Accountability Act
GDPR | General Data Protection Regulation
CCPA | California Consumer Privacy Act
SOC 2 | SOC2 | SOC 2 Type II
ISO 27001 | ISO/IEC 27001
PCI DSS | PCI-DSS | PCI compliance
FedRAMP
NIST Cybersecurity Framework | NIST CSF | NIST 800-53 | NIST SP 800-53
CMMC
ITAR
HITRUST
FERPA
SOX | Sarbanes-Oxley | SOX compliance
Basel III
IFRS
GAAP | US GAAP
EU AI Act
NIST AI RMF | AI Risk Management Framework
ISO 42001
21 CFR Part 11 | Part 11
GxP
cGMP | GMP | current Good Manufacturing Practice | Good Manufacturing Practice
GLP | Good Laboratory Practice
Good Clinical Practice | ICH GCP | ICH-GCP
ICH guidelines | ICH E9
ISO 13485
IEC 62304
ISO 14971
ISO 26262
ISO 9001
AUTOSAR
MISRA C | MISRA
DO-178C | DO-178
IEC 61508
ICD-10 | ICD10 | ICD-10-CM | ICD-9 | ICD
CPT | CPT-4 | CPT codes | Current Procedural Terminology
HCPCS
DRG | diagnosis-related groups
SNOMED CT | SNOMED
LOINC
RxNorm
MedDRA
HL7 | HL7 v2
FHIR | HL7 FHIR
OMOP CDM | OMOP | OHDSI
CDISC | SDTM | ADaM | CDASH | CDISC CDASH
DICOM standard
X12 EDI | EDI | ANSI X12
IPEDS | Integrated Postsecondary Education Data System
OGC WMS/WFS | OGC standards | OGC
ISO 19115
UML | Unified Modeling Language
BPMN | Business Process Model and Notation
SysML
ArchiMate
C4 model
POSIX
ODBC
JDBC
SQL:2016 | ISO SQL
Unicode | UTF-8
IEEE 754
WCAG | Section 508 | web accessibility standards
ARIA | WAI-ARIA
W3C standards
Schema.org | schema.org JSON-LD
OpenTelemetry | OTel | Open Telemetry
CloudEvents
AsyncAPI
Semantic Versioning | SemVer
Conventional Commits
12-factor app | twelve-factor app
SPDX
SBOM | software bill of materials
CVSS
CVE
MITRE ATT&CK | ATT&CK
Common Criteria
FIPS 140-2 | FIPS 140-3 | FIPS
Zero Trust | zero trust architecture
IEEE 802.11 | Wi-Fi
JTAG
ARINC 429
MIL-STD-1553
""")

block("model", r"""
OpenAI API | OpenAI | OpenAI APIs | OpenAI models
Anthropic API | Anthropic | Anthropic Claude API
Claude | Claude 3 | Claude 3.5 | Claude Sonnet | Claude Opus | Claude Haiku
Google Gemini | Gemini | Gemini API | Gemini Pro
ChatGPT | Chat GPT
GPT-4 | GPT4 | GPT-4o | GPT-4 Turbo | GPT-4.1
GPT-3 | GPT3 | GPT-3.5 | GPT-3.5 Turbo
GPT-2 | GPT2
GPT-5
GPT models | GPT | generative pre-trained transformer
OpenAI o1 | o4-mini
Llama | LLaMA | Llama 2 | Llama 3 | Meta Llama | Llama 3.1
Mistral | Mistral AI | Mistral 7B
Mixtral
Qwen | Qwen2 | Qwen2.5 | Qwen3
DeepSeek | DeepSeek-R1 | DeepSeek-V3
Gemma | Gemma 2
Phi-3 | Phi-4 | Microsoft Phi
Falcon LLM | Falcon-40B
Cohere | Cohere API | Command R
Grok
PaLM | PaLM 2
BERT
RoBERTa
DistilBERT
ALBERT (model)
DeBERTa
ELECTRA (model)
XLNet
XLM-RoBERTa | XLM-R
T5 | Flan-T5 | FLAN-T5
BART (model)
ELMo
ModernBERT
BioBERT
ClinicalBERT
SciBERT
FinBERT
CLIP | OpenAI CLIP
BLIP | BLIP-2
LLaVA
DALL-E | DALL·E | DALLE
Stable Diffusion | SDXL
Midjourney
Imagen
Sora
Flux (image model)
Whisper | OpenAI Whisper
wav2vec 2.0 | wav2vec | Wav2Vec2
HuBERT
Tacotron
WaveNet
ResNet | ResNets | ResNet-50
VGG | VGGNet | VGG16
Inception (model) | GoogLeNet | InceptionV3
EfficientNet
MobileNet | MobileNetV2
DenseNet
AlexNet
Vision Transformer | ViT | ViTs
Swin Transformer
ConvNeXt
DINO | DINOv2
Segment Anything Model | Segment Anything | SAM 2
YOLO | YOLOv5 | YOLOv8 | YOLOv11 | You Only Look Once
Faster R-CNN
Mask R-CNN
R-CNN
SSD (object detector) | Single Shot Detector
RetinaNet
DETR
U-Net | UNet
DeepLab
NeRF | neural radiance fields
3D Gaussian splatting | Gaussian splatting
PointNet
AlphaFold | AlphaFold2 | AlphaFold 3
ESMFold | ESM-2
RFdiffusion
ProteinMPNN
AlphaGo | AlphaZero | MuZero
Code Llama
StarCoder
Mamba (model)
OpenAI embeddings | text-embedding-ada-002 | text-embedding-3
E5 embeddings
BGE embeddings
Nomic Embed
Voyage AI
Jina AI
ColBERT
SPLADE
cross-encoders | cross-encoder
""")
block("method", r"""
# --- learning paradigms
supervised learning | supervised machine learning | supervised ML | supervised models | supervised modeling | supervised modelling | supervised techniques | supervised methods
unsupervised learning | unsupervised machine learning | unsupervised ML | unsupervised models | unsupervised modeling | unsupervised modelling | unsupervised techniques | unsupervised methods
semi-supervised learning | semi supervised learning
self-supervised learning | SSL pretraining | self supervised learning
weakly supervised learning | weak supervision
active learning
transfer learning | domain adaptation
few-shot learning | few shot learning | one-shot learning
zero-shot learning | zero shot learning | zero-shot classification
meta-learning | meta learning | learning to learn
contrastive learning | contrastive loss | SimCLR
representation learning | learned representations
metric learning | similarity learning | siamese networks
multi-task learning | multitask learning
online learning | incremental learning | streaming machine learning
continual learning | lifelong learning | catastrophic forgetting
curriculum learning
federated learning | federated ML
ensemble methods | ensemble modelling | ensemble modeling | ensembles | ensemble learning | model ensembling | stacking
bagging | bootstrap aggregating
boosting
gradient boosting | gradient boosted trees | gradient-boosted trees | GBM | GBDT | GBMs | gradient boosting machines | boosted trees | gradient boosted decision trees
AdaBoost
random forests | random forest | Decision Forests | decision forest | RF models
decision trees | decision tree | decision tree learning | classification and regression trees
k-nearest neighbors | k-NN | KNN | k nearest neighbours | k-nearest neighbours | nearest neighbor classification | k-nearest neighbor | k-nearest neighbour
k-means clustering | k-means | kmeans | K-Means | k means
hierarchical clustering | agglomerative clustering
DBSCAN | HDBSCAN
Gaussian mixture models | GMM | Gaussian mixture model | mixture models
spectral clustering
clustering | audience clustering | clustering algorithms | clustering techniques | clustering models
cluster analysis
classification | classification models | classifiers | classification algorithms | classification techniques | binary classification | multi-class classification | multiclass classification
multi-label classification | multilabel classification
regression | regressions | regression analysis | regression models | regression modeling | regression techniques
linear regression | OLS | ordinary least squares | least squares regression | multiple regression | multiple linear regression
logistic regression | logit | logit model | logistic models
polynomial regression
ridge regression | L2 regularization
lasso | lasso regression | LASSO | L1 regularization
elastic net | ElasticNet
generalized linear models | generalized linear model | GLM | GLMs
generalized additive models | GAM | generalized additive model
mixed effects models | mixed effect models | mixed models | mixed-effects models | hierarchical linear models | multilevel models | multilevel modeling | random effects models | linear mixed models | HLM
linear models | linear modeling | linear model
nonlinear regression | non-linear regression
quantile regression
Poisson regression | negative binomial regression | count models
probit regression | probit
survival analysis | Survival analysis | time-to-event analysis | Kaplan-Meier | Cox regression | Cox proportional hazards | hazard models
SVM | support vector machines | support vector machine | SVMs | support vector regression | SVR
naive Bayes | Naive Bayes | Naïve Bayes | naive Bayes classifier
Bayesian networks | Bayesian network | belief networks
probabilistic graphical models | graphical models | PGM | PGMs
hidden Markov models | HMM | HMMs | hidden Markov model
Markov chains | Markov chain | Markov models | Markov decision processes | MDP
Markov chain Monte Carlo | MCMC
Monte Carlo simulation | Monte Carlo simulations | Monte Carlo methods | Monte Carlo
Gibbs sampling
variational inference | variational Bayes
expectation-maximization | EM algorithm | expectation maximization
Kalman filter | Kalman filters | Kalman filtering | extended Kalman filter | EKF | unscented Kalman filter
particle filters | particle filter | sequential Monte Carlo
conditional random fields | CRF | CRFs
maximum likelihood estimation | MLE | maximum likelihood
Bayesian inference
Bayesian statistics | Bayesian analysis | Bayesian methods
Bayesian modeling | Bayesian modelling | Bayesian models | Bayesian hierarchical models | hierarchical Bayesian models
Bayesian optimization | Bayesian optimisation
Bayesian machine learning | Bayesian Machine Learning | Bayesian deep learning
Gaussian processes | Gaussian process | GP regression | kriging
probabilistic modeling | probabilistic modelling | probabilistic models
probabilistic programming | Probabilistic programming
causal inference | causal analysis | causal modeling | causal modelling | causal ML
causal discovery
propensity score matching | propensity scores | PSM | propensity score methods
difference-in-differences | diff-in-diff | DiD | difference in differences
instrumental variables | IV regression | instrumental variable
regression discontinuity | regression discontinuity design
synthetic control | synthetic control method | synthetic controls
uplift modeling | uplift modelling | heterogeneous treatment effects | CATE estimation
double machine learning | double ML
multi-armed bandits | multi-armed bandit | MAB | bandit algorithms | bandits
contextual bandits | contextual bandit
Thompson sampling
exploration/exploitation algorithms | Exploration/Exploitation Algos | explore-exploit | exploration-exploitation
Q-learning | Q learning
deep Q-networks | DQN | deep Q-learning
policy gradient methods | policy gradients | policy gradient | REINFORCE
proximal policy optimization | PPO
actor-critic methods | actor-critic | A2C | A3C | SAC (soft actor-critic) | soft actor-critic
model-based reinforcement learning | model-based RL
offline reinforcement learning | offline RL | batch RL
inverse reinforcement learning
imitation learning | behavior cloning | behavioural cloning
RLHF | rlhf | reinforcement learning from human feedback
RLAIF | reinforcement learning from AI feedback | constitutional AI
direct preference optimization | DPO
GRPO | group relative policy optimization
reward modeling | reward models | reward model
Monte Carlo tree search | MCTS
dynamic programming
# --- neural networks and deep learning
neural networks | neural network | Neural Networks | artificial neural networks | ANN | ANNs | neural nets
deep neural networks | DNN | DNNs | deep neural network
multilayer perceptrons | MLP | MLPs | multilayer perceptron | feedforward neural networks
convolutional neural networks | CNN | CNNs | ConvNets | convolutional networks | convolutional neural network | ConvNet | CNN's | CNN’s
recurrent neural networks | RNN | RNNs | recurrent neural network | RNN's | RNN’s
LSTM | LSTMs | long short-term memory | LSTM's | LSTM’s
GRU | GRUs | gated recurrent units
sequence-to-sequence models | seq2seq | sequence to sequence | encoder-decoder models
transformers | transformer models | transformer architecture | transformer | Transformer models | transformer-based models | Transformers
attention mechanisms | attention mechanism | self-attention | multi-head attention
graph neural networks | GNN | GNNs | graph neural network | graph convolutional networks | GCN | GCNs | graph ML | graph machine learning
autoencoders | autoencoder | auto-encoders
variational autoencoders | VAE | VAEs | variational autoencoder
generative adversarial networks | GAN | GANs | generative adversarial network
diffusion models | diffusion model | denoising diffusion | DDPM | latent diffusion | score-based models
normalizing flows | normalising flows | flow matching
energy-based models
generative models | generative modeling | generative modelling | deep generative models
autoregressive models | autoregressive modeling | next-token prediction
mixture of experts | MoE | mixture-of-experts
state space models | structured state space models | Mamba architecture
restricted Boltzmann machines | RBM | RBMs | Boltzmann machines
spiking neural networks | SNN | SNNs | neuromorphic computing
physics-informed neural networks | PINN | PINNs | physics-informed machine learning | scientific machine learning | SciML
neural ODEs | neural ordinary differential equations
neural architecture search
implicit neural representations
capsule networks
Hopfield networks
extreme learning machines
# --- training and optimisation of models
backpropagation | back-propagation | backprop
gradient descent | stochastic gradient descent | SGD | mini-batch gradient descent
optimizers | Adam optimizer | AdamW | optimization algorithms for deep learning
regularization | regularisation | dropout | weight decay | early stopping
batch normalization | batch norm | layer normalization | layer norm | normalization layers
hyperparameter tuning | hyperparameter optimization | hyperparameter optimisation | HPO | hyper-parameter tuning | tuning hyperparameters | tuning hyper-parameters | hyperparameter search | grid search | random search
cross-validation | cross validation | k-fold cross-validation | k-fold | CV folds
model selection
class imbalance | imbalanced data | imbalanced datasets | SMOTE | oversampling | undersampling | class imbalance handling
data augmentation
loss functions | loss function | custom loss functions
fine-tuning | fine tuning | finetuning | fine-tune | model fine-tuning
supervised fine-tuning | SFT
instruction tuning | instruction fine-tuning | instruction-tuning
parameter-efficient fine-tuning | PEFT | parameter efficient fine-tuning
LoRA | low-rank adaptation | QLoRA | LoRA adapters
pretraining | pre-training | model pretraining | continued pretraining | continual pretraining
LLM post-training | post-training | posttraining | post training
knowledge distillation | model distillation | distillation | teacher-student training
model compression
quantization | model quantization | INT8 quantization | INT4 | GPTQ | AWQ | quantisation | post-training quantization | quantization-aware training
pruning | model pruning | network pruning | sparsity
mixed precision training | mixed-precision training | FP16 | BF16 | FP8 training | AMP (mixed precision)
distributed training | multinode training | multi-node training | multi-GPU training | large-scale training
data parallelism | data parallel | DDP | distributed data parallel
model parallelism | model parallel
tensor parallelism | tensor parallel
pipeline parallelism | pipeline parallel
FSDP | fully sharded data parallel | ZeRO | ZeRO optimizer
gradient checkpointing | activation checkpointing
inference optimization | inference optimisation | LLM inference optimization | model inference optimization
speculative decoding
KV cache optimization | KV caching | KV cache | PagedAttention
continuous batching | dynamic batching
test-time compute | test time compute | inference-time compute | test-time scaling
model calibration | probability calibration | Platt scaling | isotonic regression
# (2026.11.9: not "evaluation metrics", metrics named for a product or a task: "presenting evaluation
# metrics using data gathered from vehicles", "designing evaluation metrics")
model evaluation | model evaluations | eval frameworks | evals | model performance evaluation | offline evaluation
LLM evaluation | LLM evals | LLM-as-a-judge | LLM as a judge | evaluation of LLMs
model validation | model performance/validation assessments | model risk validation | backtesting of models
model interpretability | interpretability | model explainability | explainability | explainable AI | XAI | explainable machine learning | interpretable ML | interpretable machine learning
feature importance | permutation importance | Shapley values
mechanistic interpretability
adversarial machine learning | adversarial attacks | adversarial robustness | adversarial examples
uncertainty quantification | UQ | predictive uncertainty | conformal prediction
out-of-distribution detection | OOD detection
# --- features, representation and data preparation
feature engineering | feature creation | feature generation
feature extraction | extract features | feature extractors
feature selection | variable selection
dimensionality reduction | dimension reduction | non-linear low dimensional embeddings | dimensionality-reduction
PCA | principal component analysis | principal components analysis | principal components
t-SNE | tSNE | t-distributed stochastic neighbor embedding
UMAP
independent component analysis | ICA
singular value decomposition | SVD
matrix factorization | matrix factorisation | matrix decomposition | low-rank approximation
non-negative matrix factorization | NMF | nonnegative matrix factorization
tensor decomposition | tensor factorization
factor analysis | exploratory factor analysis | confirmatory factor analysis | EFA
correspondence analysis
multidimensional scaling | MDS
manifold learning
linear discriminant analysis | Fisher discriminant analysis
embeddings | vector embeddings | embedding | embedding models | embedding vectors
text embeddings | text embedding | sentence embeddings | document embeddings
word embeddings | word embedding | word vectors
word2vec | Word2Vec | word2vec embeddings | skip-gram
GloVe | GloVe embeddings
doc2vec | Doc2Vec | paragraph vectors
node embeddings | node2vec | Node2Vec | DeepWalk | graph embeddings
TF-IDF | tf-idf | TFIDF | term frequency-inverse document frequency
bag of words | bag-of-words | BoW
n-grams | n-gram models | ngrams | n-gram
BM25 | Okapi BM25
tokenization | tokenisation | tokenizers | subword tokenization | BPE | byte-pair encoding
stemming | lemmatization | lemmatisation
normalization | normalize | data normalization | feature scaling
one-hot encoding | categorical encoding | target encoding
data imputation | imputation | missing data imputation | missing value imputation
outlier detection | outlier analysis
hashing trick | feature hashing
locality-sensitive hashing | LSH | MinHash
HNSW | hierarchical navigable small world
approximate nearest neighbor search | ANN search | approximate nearest neighbours | nearest neighbor search | similarity search | k-NN search
# --- NLP methods
topic modelling | topic modeling | topic models | topic model
latent Dirichlet allocation | LDA | Latent Dirichlet Allocation
latent semantic analysis | LSA | latent semantic indexing | LSI
sentiment analysis | sentiment classification | opinion mining
named entity recognition | NER | entity recognition | entity extraction
entity resolution | record linkage | entity matching | identity resolution | data matching
entity linking | named entity linking | entity disambiguation
relation extraction | relationship extraction
information extraction | clinical note extraction
text classification | document classification | text categorization | intent classification
text summarization | summarization | summarisation | abstractive summarization | extractive summarization
question answering | QA systems | open-domain question answering
machine translation | neural machine translation | NMT | statistical machine translation
part-of-speech tagging | POS tagging | part of speech tagging
dependency parsing
syntactic parsing | constituency parsing | parsing (NLP)
semantic parsing | text-to-SQL | text to SQL | NL2SQL
coreference resolution | coreference
word sense disambiguation | WSD
keyword extraction | keyphrase extraction
text generation | natural language generation | NLG
paraphrase generation | paraphrasing
spelling correction | spell checking
language modeling | language modelling | statistical language models
sequence labeling | sequence tagging
text normalization
optical character recognition | OCR | optical character recognition (OCR) | handwriting recognition
prompt engineering | prompt design | prompting | prompt tuning | prompt optimization
chain-of-thought prompting | chain-of-thought | CoT | reasoning traces
in-context learning | few-shot prompting
retrieval-augmented generation | RAG | retrieval augmented generation | RAG pipelines | retrieval-augmented | RAG systems | GraphRAG
hybrid retrieval | hybrid search
semantic search | vector search | semantic retrieval | dense retrieval | neural search
learning to rank | LTR | learning-to-rank | ranking models | ranking algorithms
reranking | re-ranking | rerankers
query understanding | query rewriting | query expansion
tool use | function calling | tool calling | tool-use
structured outputs | structured output | JSON mode | constrained decoding
guardrails | LLM guardrails
hallucination detection | hallucination mitigation
context engineering
# --- vision, speech and signal methods
image classification | image recognition
object detection | object recognition | object detection models
semantic segmentation
instance segmentation | panoptic segmentation
image segmentation
pose estimation | human pose estimation | keypoint detection
object tracking | multi-object tracking | visual tracking
action recognition | activity recognition | video classification
face recognition | facial recognition | face detection | face verification
image generation | text-to-image | image synthesis
super-resolution | image super-resolution
image restoration | denoising | image denoising | deblurring
depth estimation | monocular depth estimation
optical flow
3D reconstruction | multi-view geometry | multi-view stereo
structure from motion | SfM
SLAM | simultaneous localization and mapping | visual SLAM | visual odometry
stereo vision | stereo matching
point cloud processing | point clouds | point cloud | 3D point cloud | LiDAR processing
sensor fusion | multi-sensor fusion
camera calibration
image registration
feature matching | SIFT | ORB features | keypoint matching
edge detection
video understanding | video analytics | video analysis
visual question answering | VQA
image captioning
speaker diarization | diarization
speaker recognition | speaker identification | speaker verification
text-to-speech | TTS | speech synthesis
voice activity detection | VAD
keyword spotting | wake word detection
source separation | speech enhancement | noise suppression
Fourier analysis | Fourier transform | FFT | fast Fourier transform | spectral analysis
wavelet analysis | wavelets | wavelet transform
filter design | digital filters | FIR filters | IIR filters
beamforming
compressed sensing
# --- time series and forecasting
forecasting | forecasts | forecast | time series forecasting | time-series forecasting | demand forecasting | sales forecasting | forecast models
ARIMA | SARIMA | ARIMAX | SARIMAX | Box-Jenkins | autoregressive integrated moving average
exponential smoothing | Holt-Winters | ETS models
vector autoregression | VAR models
GARCH | ARCH models | volatility modeling
state space modeling | structural time series
change point detection | changepoint detection
anomaly detection | anomaly detection models | novelty detection
seasonal decomposition | STL decomposition | time series decomposition
dynamic time warping | DTW
# --- statistics
descriptive statistics | summary statistics
inferential statistics | statistical inference
hypothesis testing | hypothesis tests | significance testing | test working hypotheses | statistical hypothesis testing
statistical testing | statistical tests | statistical significance tests | significance tests
t-test | t-tests | Student's t-test | z-test
chi-square test | chi-squared test | chi-square
ANOVA | analysis of variance | ANCOVA | MANOVA
nonparametric statistics | non-parametric statistics | non-parametric tests | nonparametric tests | Mann-Whitney | Wilcoxon test | Kruskal-Wallis
# (2026.11.9: not "correlations", the plural names findings: "trends and correlations", "patterns,
# correlations, relationships")
correlation | correlation analysis | Pearson correlation | Spearman correlation
multivariate analysis | multivariate statistics | multivariate statistical analysis | multivariate methods
univariate analysis | bivariate analysis
sampling methods | sampling techniques | sampling strategies | sampling design
statistical sampling | survey sampling | stratified sampling | random sampling
bootstrapping | bootstrap resampling | bootstrap methods | bootstrap sampling | resampling methods | jackknife
power analysis | statistical power | sample size calculation | sample size estimation | sample size calculations | sample size estimations
confidence intervals | confidence interval
multiple testing correction | false discovery rate | FDR | Bonferroni correction
effect sizes | effect size
statistical modeling | statistical models | statistical modelling | statistical model | stats modeling
statistical analysis | statistical analyses | statistical data analysis
statistical process control | SPC | control charts | Shewhart charts
design of experiments | DOE | DoE | factorial designs | response surface methodology
experimental design | experiment design | Experimental Design | design experiments | Design experiments | experimental designs
A/B testing | A/B test | A/B tests | AB testing | split testing | A/B experiments | online experiments | online experimentation
multivariate testing | MVT
sequential testing | sequential analysis
variance reduction | CUPED
quasi-experimental methods | quasi-experiments | natural experiments
structural equation modeling | structural equation modelling | path analysis
item response theory | IRT
latent class analysis | latent variable models
conjoint analysis | choice modeling | choice modelling
discrete choice experiments | discrete choice models | discrete choice modeling | DCE
best-worst scaling | MaxDiff | max-diff
swing weighting
preference elicitation | preference elicitation techniques
multi-criteria decision analysis | MCDA | multi-criteria decision making | MCDM | multi-attribute utility theory | AHP | analytic hierarchy process
what-if analysis | what if analysis | scenario analysis | scenario modeling
sensitivity analysis
cost modeling | cost models | cost modelling | cost estimation models
risk modeling | risk models | risk modelling
credit risk modeling | credit risk models | credit scoring | credit scorecards | PD/LGD modeling
propensity modeling | propensity models | propensity to buy
churn prediction | churn modeling | churn models | customer churn prediction
customer lifetime value | CLV | LTV | CLTV | lifetime value modeling
CTR prediction | click-through rate prediction | click prediction | pCTR
conversion rate prediction | CVR prediction | pCVR
lead scoring
next best action | next-best-offer
market basket analysis | association rules | association rule mining | Apriori | frequent pattern mining | frequent itemset mining
affinity analysis
collaborative filtering | matrix factorization recommenders | user-based collaborative filtering | item-based collaborative filtering | collaborative filters
content-based filtering | content-based recommendation
two-tower models | two-tower retrieval | dual encoder
cohort analysis | cohort analyses
retention analysis | retention modeling
funnel analysis | conversion funnel | funnel analytics | conversion funnel analysis
clickstream analysis | clickstream data | clickstream analytics
segmentation | segmentation modeling | market segmentation | segmentation analysis
user segmentation | customer segmentation | user targeting and segmentation | audience segmentation | behavioral segmentation
RFM analysis | RFM
marketing mix modeling | marketing mix modelling | MMM | media mix modeling
marketing attribution | attribution modeling | multi-touch attribution | attribution | attribution models
incrementality testing | incrementality | geo experiments | lift studies
price elasticity | price elasticity modeling | demand elasticity
dynamic pricing | price optimization | pricing optimization | pricing models | algorithmic pricing
revenue management | yield management
eCPM optimization | eCPM
real-time bidding | RTB | RTB optimization | bid optimization | bidding algorithms
ad optimization | ad targeting | ads optimization | ad ranking
budget pacing | pacing algorithms
fraud detection | fraud modeling | fraud analytics | anti-fraud
backtesting | backtests | back-testing
portfolio optimization | mean-variance optimization
Black-Scholes | options pricing | derivatives pricing
stochastic calculus
value at risk | VaR | expected shortfall
# --- optimisation and OR
mathematical optimization | optimization | optimisation | optimization tools | numerical optimization | optimization algorithms | optimization techniques | optimization modeling | optimization models
linear programming | linear optimization
integer programming | integer linear programming | ILP
mixed integer programming | MIP | mixed-integer programming | mixed integer optimization
MILP | mixed-integer linear programming | mixed integer linear programming
MIQCP | mixed-integer quadratically constrained programming
MINLP | mixed-integer nonlinear programming
nonlinear programming | NLP optimization | non-linear optimization | nonlinear optimization
convex optimization | convex optimisation
quadratic programming
stochastic optimization | stochastic programming | stochastic optimisation | robust optimization
combinatorial optimization | discrete optimization
constraint programming | constraint satisfaction | CP-SAT | constraint solving
heuristics | metaheuristics | heuristic optimization | tabu search
genetic algorithms | genetic algorithm | evolutionary algorithms | evolutionary computation | evolution strategies
simulated annealing
particle swarm optimization | PSO
vehicle routing | vehicle routing problem | VRP | route optimization | routing optimization
scheduling optimization | scheduling algorithms | job shop scheduling
inventory optimization | inventory modeling
supply chain optimization | network optimization
queueing theory | queuing theory | queueing models
game theory | mechanism design | auction theory
decision analysis | decision theory
simulation | simulation tools | simulate | simulations | simulation modeling | computer simulation
modeling and simulation | modelling and simulation | modeling & simulation | modelling & simulation | M&S
discrete-event simulation | discrete event simulation
agent-based modeling | agent-based modelling | agent-based simulation
system dynamics | system dynamics modeling
stochastic models | stochastic modeling | stochastic modelling | stochastic processes
mathematical modeling | mathematical models | mathematical modelling
dynamic modeling | dynamic modelling | dynamic models
dynamic system modelling | dynamic system modeling | system-level dynamic models | dynamical systems modeling
formal modeling | formal models
numerical methods | numerical analysis | numerical simulation | finite element analysis | FEA | finite element method | FEM | computational fluid dynamics | CFD
differential equations | ODEs | PDEs | ordinary differential equations | partial differential equations
state machines | finite state machines | FSM | state machine
# --- control
model predictive control | MPC | model-predictive control
model-based control | model based control
nonlinear control | non-linear control
feedback control | feedback control systems | closed-loop control
PID control | PID controllers | PID controller | PID tuning
optimal control | LQR
robust control
adaptive control
system identification
motion planning | path planning | trajectory planning | trajectory optimization
# --- graphs and search
graph algorithms | graph algorithm
graph analytics | graph analysis
network analysis | social network analysis | SNA
community detection | graph clustering
link prediction
PageRank
shortest path algorithms | Dijkstra | A* search
search algorithms | search and ranking algorithms
# --- data analysis methods
exploratory data analysis | EDA | exploratory analysis | exploratory analyses | exploratory data analyses
root cause analysis | RCA | root-cause analysis
data-driven optimization | data driven optimization
process optimization | automated process optimization | process improvement analytics
performance measurement | performance measures
program evaluation | impact evaluation | policy evaluation | program evaluations
experience studies | Experience study | experience study | mortality studies | lapse studies
heat maps | heat map applications | heatmaps | heatmap
benchmarking | performance benchmarking
geospatial analysis | spatial analysis | geospatial analytics | spatial statistics | geostatistics
text analytics | text analysis
social media analytics | social media data | social media analysis | social listening
sentiment scoring
forecast accuracy | forecast evaluation
trend analysis
variance analysis | variance reporting
gap analysis
cost-benefit analysis | cost benefit analysis
financial modeling | financial modelling | financial models | DCF modeling
actuarial modeling | actuarial models | loss reserving | reserving
pricing analytics
""")
block("area", r"""
# --- ML and AI fields
machine learning | Machine Learning | machine-learning | ML | AI/ML | AI/Machine Learning | Ai/ML | ML/AI | statistical learning | machine learning algorithms | ML algorithms | ML models | machine learning models
artificial intelligence | artificial intelligence (AI)
deep learning | Deep Learning | deep-learning | DL
natural language processing | NLP | Natural Language Processing | natural-language processing | natural language processing (NLP)
natural language understanding | NLU
computational linguistics
computer vision | Computer Vision | CV | machine vision | computer-vision
image processing | Image Processing | image analysis | digital image processing
speech recognition | automatic speech recognition | ASR | speech-to-text | speech to text | STT
speech processing | spoken language processing | speech technology | speech and language processing
audio signal processing | audio processing | audio ML | music information retrieval | MIR
signal processing | signals processing
digital signal processing | DSP | Digital Signal Processing
recommender systems | recommendation systems | recommender system | recommendation engines | recommendation engine | recommendation system | RecSys | recommendation algorithms | recommendation models | recommendation model | recommender | personalized recommendations
personalization | personalisation | personalization algorithms
information retrieval | IR | search/IR | information retrieval systems
search engines | search engine | search systems | search technology | search infrastructure
search ranking | search relevance | relevance ranking | ranking and relevance
enterprise search
reinforcement learning | RL | deep reinforcement learning | deep RL | DRL
generative AI | GenAI | Gen AI | generative artificial intelligence | gen-AI | GenAI applications
large language models | LLMs | LLM | large language model | LLM applications | LLM-based applications | foundation models | foundation model
small language models | SLMs
vision-language models | VLMs | VLM | vision language models | multimodal LLMs | MLLMs
multimodal learning | multimodal AI | multimodal models | multimodal machine learning
conversational AI | chatbots | chatbot | dialogue systems | dialog systems | virtual assistants | conversational agents
voice agents | voice AI | voice assistants | voice and digital agents | voice bots
AI agents | AI agent | autonomous agents | agent architecture | agentic AI | agent frameworks | agentic capabilities | agent orchestration | agent systems
LLM agents | LLM agent | LLM-based agents
agentic systems | agentic architectures | agentic applications
agentic workflows | agentic workflow | agent workflows
agentic coding | Agentic Coders | agentic coders | agentic software engineering | AI coding agents | AI coding agent
multi-agent systems | multi-agent | multiagent systems | multi-agent orchestration
AI workflows | AI Workflows | AI-powered workflows
AI coding tools | AI coding assistants | AI-assisted coding | AI-assisted development | AI pair programming
LLM integration | LLM integrations | integrating LLMs
LLM APIs | LLM API | foundation model APIs | model APIs
LLMOps | LLM ops | GenAIOps
AI infrastructure | AI infra | AI infrastructure engineering
# (2026.11.9: not "machine learning platform", spelled out it names a product: "its open source machine
# learning platform, H2O", "implement the new Machine Learning platform")
ML infrastructure | ML infra | machine learning infrastructure | ML platform | ML platforms
ML frameworks | machine learning frameworks | deep learning frameworks | DL frameworks
AI safety | AI alignment | alignment research
responsible AI | AI ethics | ethical AI | trustworthy AI | AI fairness | algorithmic fairness | fairness in machine learning | ML fairness | bias mitigation
AI governance | model governance | model risk management | MRM
AI red teaming | red teaming | LLM red teaming
privacy-preserving machine learning | privacy-preserving ML | PPML | privacy-preserving computation
differential privacy
homomorphic encryption
secure multi-party computation | SMPC | secure computation
trust and safety | content moderation | T&S
spam detection | abuse detection | integrity ML
computational advertising | ad tech | adtech | advertising technology | programmatic advertising
digital advertising | online advertising | digital ads | paid media
digital marketing | online marketing | performance marketing
search engine optimization | SEO
search engine marketing | SEM | paid search
marketing analytics | marketing analytic principles | marketing science
web analytics | digital analytics | site analytics
product analytics | product data science
people analytics | HR analytics | workforce analytics
customer analytics | consumer analytics
sales analytics | revenue analytics
supply chain analytics | logistics analytics
operations analytics
healthcare analytics | health analytics | clinical analytics
risk analytics | risk analysis
financial analytics | financial analysis | FP&A
pricing science
growth analytics | growth analysis
sports analytics
insurance analytics
retail analytics
data science | Data Science
data mining | Data mining | data-mining | knowledge discovery | KDD
text mining | text-mining | text data mining
web mining
process mining
big data | Big Data | big-data | big data technologies | big data tools | big data stack | big data platforms | big data platform | big data ecosystem | big data environments | big data technology
big data frameworks
big data processing | big data processing tools | large-scale data processing | large scale data processing
# (2026.11.9: not "data analyses", the plural names pieces of work: "deliver high quality data analyses",
# "recommendations based on data analyses")
data analysis | Data Analysis | data analysis techniques
data analytics
business intelligence | BI | Business Intelligence | business intelligence reporting | BI reporting
business analytics | Business Analytics
predictive analytics | predictive analysis | Predictive Analytics
predictive modeling | predictive modelling | predictive models | prediction models | predictive analytics models | predictive and prescriptive models | predictive model | prediction modeling
prescriptive analytics | prescriptive analysis | prescriptive modeling
descriptive analytics | descriptive analysis
diagnostic analytics
real-time analytics | real time analytics | streaming analytics
statistics | advanced statistics | statistical techniques | statistical methods | statistical concepts | advanced statistical concepts | probability statistics | statistical knowledge
applied statistics | applied statistical methods
mathematical statistics
biostatistics | biostatistical methods | biostats
econometrics | econometric modeling | econometric modelling | econometric methods | applied econometrics
time series analysis | time series | Time series analysis | time-series analysis | time series modeling | time series modelling | time-series data | time series data
spatial data science | geospatial data science | GeoAI
actuarial science | actuarial | Actuarial Science | actuarial work
psychometrics | Psychometrics | psychometric testing
survey methodology | survey research | survey design | questionnaire design
qualitative research | qualitative methods | qualitative analysis
quantitative research | quantitative methods | quantitative analysis
computational social science | computational social sciences
operations research | operational research | OR/MS | management science
decision science | decision sciences
quantitative finance | quant finance | quantitative trading | algorithmic trading | algo trading | systematic trading | high-frequency trading | HFT
portfolio management
risk management | enterprise risk management | ERM
anti-money laundering | AML | KYC | know your customer | financial crime
credit risk | credit analytics | credit modeling
insurance underwriting | underwriting
life underwriting
claims processing | claims management | claims adjudication
claims data | insurance claims data | medical claims data | claims analytics
medical coding | healthcare coding | clinical coding
electronic medical records | EMR data | electronic health records | EHR | EHRs | EMRs | EHR data | electronic medical record | electronic health record
real-world data | Real-World Data | RWD | real-world evidence | RWE
# (2026.11.9: not "clinical studies", the studies a company runs or publishes: "publications of clinical
# studies", "support stability, commercialization, and clinical studies", "non-clinical studies")
clinical trials | clinical trial | clinical research
clinical trial analytics | Clinical Trial analytics | clinical trial data analysis
statistical analysis plans | statistical analysis plan | SAP (statistical analysis plan)
health economics | HEOR | health economics and outcomes research | outcomes research | pharmacoeconomics
epidemiology | epidemiological methods | pharmacoepidemiology
public health | population health
pharmacometrics | PK/PD modeling | PK/PD | pharmacokinetics | population PK
clinical NLP | medical NLP | biomedical NLP
medical imaging | medical image analysis | radiology imaging | biomedical imaging
digital pathology | computational pathology | histopathology image analysis
bioinformatics | computational genomics
computational biology | systems biology
genomics | genomic | genomic data | genomic data analysis | functional genomics
genetics | human genetics | statistical genetics | population genetics
proteomics | protein analytics
metabolomics
computational metabolomics
transcriptomics | gene expression
gene expression analysis | differential expression analysis | analysis of genomic and gene expression data sets
single-cell analysis | single-cell RNA-seq | scRNA-seq | single-cell genomics
protein structure prediction | protein design | protein engineering
cheminformatics | chemoinformatics | chemical informatics
computational chemistry | quantum chemistry | molecular modeling | molecular modelling
molecular dynamics | MD simulations | molecular dynamics simulations
drug discovery | Drug Discovery | AI drug discovery | computational drug discovery
drug design | rational drug design | structure-based drug design | SBDD | CADD | computer-aided drug design
medicinal chemistry
organic chemistry | synthetic chemistry
analytical chemistry
materials science | materials informatics | computational materials science
quantum computing | quantum algorithms | quantum information
quantum machine learning | QML
neuroscience | computational neuroscience | neuroimaging | fMRI analysis
brain-computer interfaces | BCI | neural decoding
cognitive science
cancer biology | oncology | tumor biology
immunology | immunobiology
immuno-oncology | immuno oncology | cancer immunotherapy
T cell biology | in vitro T cell biology | T-cell biology
T cell engineering | T-cell engineering
cell biology
molecular biology | molecular and cellular biology | molecular and cellular biology techniques
gene therapy | cell and gene therapy
AAV gene therapy | AAV | adeno-associated virus
gene editing | genome editing
DNA repair | DNA repair pathways | DNA damage response
translational research | translational medicine
treatment research
NMDA receptor | NMDA receptors | NMDAR
stem cell biology
microbiology
virology
synthetic biology | synbio
biochemistry
biophysics
structural biology
agronomy | crop science
plant breeding | plant genetics
precision agriculture
ecology | ecological modeling
taxonomy (biology) | biological taxonomy | systematics
climate science | climate modeling | climate modelling | weather forecasting | numerical weather prediction
earth observation | satellite imagery | satellite imagery analysis
remote sensing | Remote Sensing
GIS | geographic information systems | GIS mapping | Geospatial Information Systems (GIS) | geographic information system | geospatial information systems | geospatial
digital cartography | cartography | web mapping
photogrammetry
LiDAR | lidar | LIDAR
geodesy | GNSS | GPS
robotics | robot learning | robotic systems
autonomous driving | autonomous vehicles | self-driving cars | self-driving | ADAS | autonomous systems
perception (robotics) | perception systems | perception stack
embodied AI
drones | UAV | UAVs | unmanned aerial vehicles
control theory | control systems | control engineering
mechatronics
systems engineering | system engineering | MBSE | model-based systems engineering
embedded systems | embedded | embedded devices
Internet of Things | IoT | IIoT | industrial IoT
edge computing | edge AI | on-device ML | on-device AI | TinyML | edge inference
digital twins | digital twin
predictive maintenance | condition monitoring | prognostics
process analytical technology | PAT
manufacturing analytics | industrial analytics | Industry 4.0 | smart manufacturing
semiconductors | semiconductor manufacturing
analog circuit design | analog design | analog IC design
circuit design | circuit designs | electronic circuit design
digital design | digital logic design | RTL design
VLSI | VLSI design | ASIC design | ASIC | chip design
FPGA design | FPGA development
PCB design | printed circuit board design
RF engineering | RF design | radio frequency engineering
power systems | power engineering | energy systems
# (2026.11.9: "3D rendering" as a whole, the surface the labels take)
computer graphics | 3D rendering | rendering | graphics programming
game development | game design | gamedev
augmented reality | AR | AR/VR | virtual reality | VR | XR | mixed reality
human-computer interaction | HCI | human computer interaction
UI/UX design | UI/UX | UX design | UI design | user experience design | UI and user experience design | UX/UI | user interface design
user research | UX research
accessibility | a11y | web accessibility
data visualization | visualization | Data Visualization | data visualisation | visualizing | visualisation | data visualization tools | visualization software | visualizations | data visualization techniques | visualization techniques | data visualizations | visualization tools | dataviz | data viz
dashboards | dashboard | visualization dashboards | BI dashboards | KPI dashboards | dashboarding | reporting dashboards
data storytelling
business reporting | report development | data reporting | ad hoc reporting
# --- computing fields
software engineering | Software Engineering | software engineering principles
computer programming | Computer programming
programming languages | programming language theory
algorithms and data structures | data structures and algorithms | algorithms & data structures | data structures & algorithms | DSA
computer architecture
operating systems | OS internals | operating system internals
compilers | compiler design | compiler construction | compiler engineering
formal methods | formal verification | theorem proving | model checking
programming language design
distributed systems | distributed-systems | distributed architectures
distributed computing | parallel computing | parallel processing | parallel programming | distributed processing | distributed data processing | distributed programming | distributed compute
high-performance computing | HPC | high performance computing | supercomputing
GPU computing | GPUs | GPU programming | GPGPU | GPU acceleration | GPU optimization
scientific computing | numerical computing
scientific programming | research software engineering | research software
cloud computing | Cloud services | cloud based computing platforms | Cloud Technology | cloud technologies | cloud platforms | cloud services | cloud environments | public cloud
cloud infrastructure | cloud infra
cloud-native development | cloud-native | cloud native | cloud-native tools | cloud-native applications | cloud native development
multi-cloud | multicloud | hybrid cloud
serverless | serverless computing | serverless architecture | FaaS
real-time systems | real time systems | realtime systems | low-latency systems
networking | computer networking | network engineering | network switches, firewalls, and routers | network protocols
network security | network defense
computer security | cybersecurity | cyber security | information security | infosec | InfoSec | IT security | security engineering
application security | AppSec | secure software development | secure coding
cloud security
identity and access management | IAM | identity management
cryptography | applied cryptography | cryptographic protocols | encryption
embedded security | hardware security | firmware security
security and privacy | Security and Privacy | security & privacy
data security | data security concepts | data protection
data privacy | privacy engineering | data privacy regulations
malware analysis
digital forensics | incident forensics
threat intelligence | cyber threat intelligence | CTI
threat detection | detection engineering
SIEM | security information and event management
vulnerability research | vulnerability discovery
exploit development
reverse engineering | binary analysis
penetration testing | pentesting | pen testing | ethical hacking
fuzzing | fuzz testing
virtual machine monitor | vmm | VMM | hypervisors | hypervisor
virtualization | virtualisation
storage systems | distributed storage | storage engineering
database internals | storage engines | query engines
blockchain | blockchain technology | Web3 | web3 | distributed ledger | smart contracts
knowledge graphs | knowledge graph | Knowledge Graph | knowledge graph construction | KG | KGs
knowledge representation | knowledge representation and reasoning | KR&R
semantic web | semantic Web | Semantic Web | linked data | semantic technologies
ontology design | ontology engineering | ontologies | ontology development | ontology modeling
information theory
learning theory | statistical learning theory | computational learning theory | PAC learning
optimization theory
probability | probability theory | Probability
probability distributions | statistical distributions
linear algebra | matrix algebra
calculus | multivariable calculus | vector calculus
algebra | abstract algebra
discrete mathematics | discrete math | combinatorics
graph theory
advanced mathematics
numerical linear algebra
topology | topological data analysis | TDA
low-resource languages | low resource languages | low-resource NLP
multilingual NLP | multilingual models | cross-lingual NLP
code generation | code LLMs | program synthesis | code intelligence
AI for science | AI4Science | scientific machine learning applications
document processing | document understanding | intelligent document processing
text processing | text preprocessing | text analysis pipelines
scene understanding | scene parsing
competitive intelligence | market intelligence
institutional research | Educational Institutional Research
educational data mining | learning analytics | education analytics
accounting | financial accounting | managerial accounting
auditing | auditing techniques | audit analytics
continuous auditing | continuous monitoring (audit)
internal controls | internal control | ICFR
demography | demographics analysis
urban analytics | transportation modeling | traffic modeling | mobility data
energy analytics | energy forecasting | load forecasting
""")
block("practice", r"""
orchestration | workflow orchestration | data orchestration | pipeline orchestration
MLOps | ML Ops | ML operations | machine learning operations | MLOps practices
DevOps | Dev Ops | devops
DataOps
DevSecOps
AIOps
FinOps | cloud cost optimization
platform engineering | internal developer platforms
site reliability engineering | SRE | site reliability
observability | monitoring and observability | monitoring & observability | system monitoring | infrastructure monitoring | application monitoring | application performance monitoring | APM
log management | centralized logging | log aggregation
alerting | incident response | incident management
CI/CD | CI / CD | continuous integration | continuous delivery | continuous deployment | Continuous Integration and Continuous Delivery | CI/CD pipelines | CICD | CI pipelines
infrastructure as code | IaC | Infrastructure as Code | infrastructure-as-code
configuration management
GitOps
containerization | containerisation | containers | container technologies
container orchestration | workload orchestration | Kubernetes orchestration
release management | release engineering
build systems | build engineering
test-driven development | TDD | Test Driven Development | test driven development | test-first development
behavior-driven development | BDD | behaviour-driven development
software testing | testing infrastructure | software QA testing
unit testing | unit tests
integration testing | integration tests
end-to-end testing | E2E testing | e2e tests | end to end testing
test automation | automated testing | automation testing | automated tests
cross-browser testing | cross-browser test suites | browser testing
performance testing | load testing | stress testing | performance engineering
regression testing
security testing | SAST | DAST | application security testing
quality assurance | QA | Quality Assurance | QA processes | QA testing | quality engineering
test cases | test case design | test plans | test planning
code review | Code Review | code reviews | peer code review
pair programming | mob programming
version control | Revision control | version control systems | source control | VCS | revision control systems
refactoring | code refactoring
debugging | troubleshooting code
code profiling | performance profiling | profilers | profiling tools
technical documentation | technical writing | API documentation
design patterns | software design patterns | Gang of Four
object-oriented programming | OOP | object-oriented principles | Object-Oriented Development | object oriented programming | object-oriented design | OOD | object-oriented | OO design
functional programming
concurrent programming | Concurrent Programming | concurrency | multithreading | multi-threading | multi-threaded programming | multi-threaded | multithreaded
asynchronous programming | async frameworks | async programming | async/await | asynchronous processing
reactive programming
event-driven architecture | event-driven architectures | Event-Driven Architecture | event driven architecture | EDA (event-driven architecture) | event-driven systems | event driven systems
event sourcing
microservices | micro-service | microservice | micro-services | microservices architecture | microservice architecture
SOA | service-oriented architecture | service oriented architecture
domain-driven design | DDD
clean architecture | hexagonal architecture
system design | systems design | software architecture | architecture design | solution architecture
API design | API-first design | API first
API development | API’s | API's | building APIs | API engineering | API integration
APIs | web APIs
web services | Web Services | web service
schema design | design schemas | database schema design | data store schemas | table schemas | schema modeling | schema development
schema-first design | schema first design | schema-first
database design | database development | DB design
database architecture | database architectures
database administration | DBA | database management | DB administration
query optimization | SQL optimization | query tuning | SQL tuning | SQL performance tuning
performance tuning | performance optimization | performance optimisation
capacity planning | Capacity planning
disaster recovery | business continuity | backup and recovery
high availability | fault tolerance | fault-tolerant systems
load balancing | load balancer | load balancers
caching | caching strategies | cache design
scalability | scalable systems | scaling systems
backend development | backend | backend services | backend generalist | backend systems | backend logic | back-end development | back-end | backend engineering | server-side development
frontend development | Frontend | frontend UI | frontend experiences | front-end development | front-end | front-end interfaces | frontend | web frontend development | web frontend | front end development | front-end engineering
full-stack development | Full-stack | full-stack | fullstack | Full Stack | Fullstack | full stack development | full-stack engineering | full-stack web development | full-stack web | full stack web development
web development | Web development | web application development | web apps | web applications
mobile development | mobile app development | iOS development | Android development | mobile engineering
cross-platform development
desktop application development | desktop applications
embedded software | embedded software development | embedded programming | embedded C
firmware development | Firmware development | firmware | firmware engineering
kernel driver development | Kernel drivers | kernel drivers | device drivers | driver development
Linux kernel development | Linux/UNIX kernel development | kernel development | Linux kernel
systems programming | low-level programming | system programming
GPU kernel development | CUDA kernels | kernel optimization | custom kernels
shell scripting | shell scripts | Shell Scripts | shell script | shell programming
Linux scripting | Linux shell scripting | Unix scripting
command line | CLI | command-line | command line interface | command-line tools
Linux administration | Linux system administration | sysadmin | system administration | systems administration
Windows administration
multi-tenant SaaS | multi-tenant SaaS architecture | multitenant enterprise SaaS architectures | multi-tenancy | multi-tenant architecture | multitenancy | multi-tenant architectures
SaaS development | SaaS product development
# (2026.11.9: not "application development", a kind of work or a product's ("LLM application
# development", "Appian application development", "Application Development Contractor", "web/mobile
# application development", "Joint Application Development (JAD)"))
software development | developing software | software development experience
software development lifecycle | SDLC | Software Development lifecycle | software development life cycle | software lifecycle
Agile | agile | AGILE | agile software development | Agile software development | agile methodologies | agile methodology | agile development | Agile methods | agile practices
Scrum | scrum | Scrum methodology
Kanban
Extreme Programming | XP | eXtreme Programming
Lean | lean | Lean methodology | lean principles | Lean Six Sigma
Six Sigma | 6 Sigma | DMAIC
Waterfall | waterfall | waterfall methodology
SAFe | Scaled Agile Framework
ITIL
TOGAF
PMP | PMBOK
project management | Project Management | project planning | program management
product management | product thinking
requirements analysis | requirements gathering and analysis | requirements gathering | requirements engineering | requirements definition
systems analysis | system analysis | systems analysis and design
business analysis | business process analysis
business process modeling | Business Process modeling | business process modelling | process modeling | process mapping | business process management | BPM
solution selling | consultative selling
KPI development | KPI metric development | KPI design | metrics development | metric design
dashboard design | Dashboard design | dashboard development
data engineering | Data Engineering | data engineering practices
analytics engineering
data pipelines | data pipeline | analysis pipelines | analytical data pipelines | data processing pipelines | ML pipelines | machine learning pipelines | pipeline development | data pipelining
ETL | ETLs | Extraction, Transformation, and Load | ETL pipelines | ETL processes | extract, transform, load | ETL/ELT | ETL development | extract, transform, and load | extract, transform and load | extraction, transformation and loading | extraction, transformation, and loading
ELT | ELT pipelines
reverse ETL
data integration | data integrations | systems integration
data ingestion | data ingestion pipelines
data migration | Data Conversion/migration | data conversion | database migration | data migrations
data mapping | source-to-target mapping
data extraction | data extracts
data transformation | data transformations
data manipulation | data munging | data wrangling
data cleaning | Data Clean up | clean / prune data | data cleanup | data clean-up | data scrubbing | cleaning data | data hygiene
data cleansing | cleansing | data cleaning and transformation
data preprocessing | preprocess | preprocessing | pre-processing | data pre-processing | data preparation | data prep
data profiling | data profiles
data validation | Data Validation | data verification
data quality | data quality-control | data quality checks | data quality control | DQ
data quality management | DQM
data governance | Data Governance | data governance frameworks
data lineage
metadata management | data catalog | data catalogs | data cataloging
master data management | MDM | master data
data stewardship
data management | Data management | data structure and management | information management
data management software
data architecture | Data architecture | data architectures | enterprise data architecture
data infrastructure | data infrastructure engineering
data modeling | data models | data modelling | data model | data modeling techniques
dimensional modeling | dimensional models | dimensional data modeling | dimensional data model | dimensional data warehouse model | dimensional modelling | star schema | snowflake schema | Kimball methodology | Kimball | star schemas
logical data modeling | logical data models | logical data model | conceptual data modeling | physical data modeling
entity-relationship modeling | entity relationship | entity-relationship model | ER modeling | ER modelling
entity-relationship diagrams | ER diagrams | ERD | ERDs | entity relationship diagrams
data flow diagrams | DFD | DFDs
data dictionary | data dictionaries
data mesh
data contracts
data versioning
data labeling | Data Labeling | data labelling | data annotation
data entry
data acquisition | DAQs | DAQ
data curation
data sharing
event streams | event streaming | event stream processing
stream processing | Stream processing | streaming data | real-time data processing | real-time streaming | data streaming
batch processing | batch jobs
web scraping | webscraping | web scrapers | web scraper | web scrapping | web crawling / scraping | web crawling | scraping | crawlers | web crawlers
feature stores | feature store | feature management
experiment tracking
model registry | model registries
model deployment | deploy models | deploying machine learning models | model deployments | deploying models | ML deployment | productionizing models | model productionization | productionization | deployment of models | deployment of predictive models | deployment of machine learning models | productionize models | productionise models | deploy machine learning models
model serving | model inference serving | online inference | real-time inference | batch inference
model monitoring | ML monitoring | model drift | drift detection | data drift | model performance monitoring | monitor model performance | monitoring model performance | drift monitoring
model training | training models | ML model training
model development | ML model development | machine learning model development
model lifecycle management | ML lifecycle
reproducible research | reproducibility
experimentation | experimentation platforms | experimentation frameworks | online experimentation platforms
research methodology | research methods | scientific method | research methodologies
security assessment | Risk and Security Assessment | security assessments | risk assessment | threat modeling | security reviews
vulnerability management | vulnerability scanning | patch management
GPU cluster management
HPC cluster administration
open source contribution | open-source contributions | open source development
""")

block("lab-technique", r"""
PCR | polymerase chain reaction | PCR assays | PCR Assays
qPCR | quantitative PCR | real-time PCR | RT-qPCR | qRT-PCR
RT-PCR | reverse transcription PCR
ddPCR | digital droplet PCR | droplet digital PCR
ELISA | ELISAs | enzyme-linked immunosorbent assay
western blotting | Western blot | Western Blotting | Western blots | Western Blot | immunoblotting
SDS-PAGE | gel electrophoresis | electrophoresis
flow cytometry | FACS | cytometry | fluorescence-activated cell sorting
cell culture | tissue culture | mammalian cell culture
primary cell culture | culture of primary cells | primary cells
cell-based assays | cell-based functional assays | cell based assays | cellular assays
immune assays | ex vivo functional immune assays | immunological assays | immunoassays | immune cell assays
multiplex assays | multiplex | multiplex immunoassays | multiplexed assays
molecular assays | molecular diagnostics assays
cytokine profiling | cytokine analysis | cytokine assays
transfection
lentiviral transduction | lentiviral vectors | lentivirus
viral transduction | transduction
viral vectors | viral vector | viral vector production
non-viral gene delivery | nonviral gene delivery | lipid nanoparticles | LNP
molecular cloning | cloning | gene cloning
primer design | PCR primer design
Sanger sequencing
next-generation sequencing | next generation sequencing | NGS | high-throughput sequencing | Illumina sequencing | massively parallel sequencing
RNA-seq | RNAseq | RNA sequencing | bulk RNA-seq
whole genome sequencing | WGS | whole genome sequences | whole-genome sequencing
whole exome sequencing | WES | exome sequencing
ChIP-seq
ATAC-seq | ATACseq | scATAC-seq
nanopore sequencing | Oxford Nanopore | ONT sequencing
MinION
DNA barcoding | DNA barcode | DNA barcodes
metabarcoding | eDNA metabarcoding
sequencing library preparation | library preparation | library prep | NGS library preparation
DNA/RNA extraction | DNA/RNA isolation | genomic DNA and RNA isolation | nucleic acid extraction | DNA extraction | RNA extraction | RNA isolation | DNA isolation
protein purification | recombinant protein purification | protein isolation
recombinant protein expression | protein expression
molecule purification | purification of molecules | purification
CRISPR | CRISPR-Cas9 | CRISPR/Cas9 | Cas9
CRISPRi/CRISPRa | CRISPRi | CRISPRa | CRISPR screens | CRISPR screening
TALEN | TALENs
induced pluripotent stem cells | iPSC | iPSCs | iPS cells | hiPSC
in vitro disease models | in vitro models | in vitro assays
CAR-T cell analysis | CAR-T | CAR T | CAR-T cells | CAR-T cell therapy
cell biology techniques | cell biology methods
molecular biology techniques | molecular biology methods | molecular techniques
chromatography | liquid chromatography | column chromatography | FPLC | AKTA | ÄKTA
HPLC | UPLC | UHPLC | high-performance liquid chromatography
gas chromatography | GC | GC-MS | GC/MS
mass spectrometry | MS/MS | LC-MS | LC-MS/MS | LC/MS | tandem mass spectrometry
spectroscopy | spectroscopic methods | spectroscopic techniques
FTIR | FT-IR | Fourier-transform infrared spectroscopy | infrared spectroscopy | IR spectroscopy
Raman spectroscopy | Raman
NIR spectroscopy | NIR | near-infrared spectroscopy | NIRS
UV-Vis spectroscopy | UV-Vis | UV/Vis | UV-visible spectroscopy
NMR spectroscopy | NMR | nuclear magnetic resonance
X-ray crystallography | crystallography | XRD | X-ray diffraction
cryo-EM | cryo-electron microscopy | cryoEM
microscopy | confocal microscopy | fluorescence microscopy | light microscopy
electron microscopy | SEM imaging | TEM | scanning electron microscopy
immunohistochemistry | IHC | immunofluorescence | IF staining
histology | tissue processing | histological techniques
electrophysiology | patch clamp | patch-clamp
centrifugation | ultracentrifugation
filtration | tangential flow filtration | TFF
particle size measurement | particle size analysis | particle sizing | laser diffraction
FBRM | focused beam reflectance measurement
PVM | particle vision and measurement | Particle Vision Measurement
ReactIR
ReactRaman
MAGPIX | Luminex MAGPIX | Luminex | xMAP
NanoString | Nanostring | nCounter
WAVE Bioreactor | WAVE bioreactor system
bioreactors | bioreactor | bioprocessing | upstream processing | fermentation
downstream processing
aseptic technique | aseptic processing | sterile technique
lab robotics | lab robotics platforms | laboratory automation | lab automation | liquid handling robots | liquid handling
high-throughput screening | HTS | high throughput screening
LAMP | loop-mediated isothermal amplification | RT-LAMP | LAMP assay | LAMP assays
small molecule identification
assay development | assay design | assay optimization
titration | potentiometric titration
DNA microarrays | microarrays | microarray analysis
biobanking | sample management
""")

# Computer-science and analysis fundamentals that postings ask for by these
# bare names (found missing on the extra labels, labels/batch1-3.jsonl).
block("area", r"""
data structures
pattern recognition
""")
block("practice", r"""
algorithm development | algorithms development | algorithm design
""")

# Named tools, methods and areas that unseen postings ask for and the
# taxonomy lacked (found on labels/batch1-2.jsonl; batch3 kept as a check).
block("tool", r"""
Crimson Hexagon
Facebook Insights
Brandwatch
Coremetrics | IBM Coremetrics
Revit | Autodesk Revit
Speckle
SIMCA | SIMCA-P
MODDE
SAS/GRAPH
SAS macros | SAS macro | SAS macro language
Git Bash | Gitbash
RStudio Server
""")
block("platform", r"""
Teradata Aster | Aster Data
nCluster | Aster nCluster
GeoServer
GeoWebCache
MapProxy
OpenGeo
DataHub
ZFS
ext4
""")
block("data-format", r"""
Data Vault | Data Vault 2.0 | data vault modeling
""")
block("standard", r"""
HITECH | HITECH Act
CJIS
CLIA
cGLP
""")
block("method", r"""
CRISP-DM
isolation forest | isolation forests
partial least squares | partial least squares regression | PLS regression | PLS-DA
propensity score | propensity scoring
change detection
lane detection
longitudinal analysis | longitudinal data analysis
multivariate regression | multivariate regressions
nonparametric models | non-parametric models | nonparametric methods | non-parametric methods
QSAR | quantitative structure-activity relationship
3D-QSAR
virtual screening
pharmacophore modeling | pharmacophore modelling
matched molecular pairs | matched molecular pair analysis
conformational analysis
sequential pattern mining
response modeling | response models | response model
statistical programming
""")
block("area", r"""
pharmacogenomics
pharmacovigilance | drug safety surveillance
toxicology
hematology
serology
clinical pharmacology
molecular diagnostics
in vitro diagnostics | in vitro diagnostic
market research
geospatial intelligence | GEOINT
motion capture | mocap
3D modeling | 3D modelling
CAD | computer-aided design | computer aided design
BIM | building information modeling | building information modelling
zero-knowledge proofs | zero knowledge proofs | ZK proofs
internationalization | i18n
data encryption
""")
block("practice", r"""
quality by design | QbD
technology transfer | tech transfer
process validation
feature flags | feature flagging
canary releases | canary release | canary deployments
""")
# Named tools and practices that unseen postings ask for and the taxonomy
# lacked (found on labels/batch17-22.jsonl; batch23-28 kept as a check).
block("method", r"""
AutoML | automated machine learning | automatic machine learning | Auto-ML
study design | study designs
""")
block("area", r"""
computational geometry
""")
block("standard", r"""
NFC | near-field communication | near field communication
""")
block("tool", r"""
Nix | NixOS | Nix flakes
""")
block("platform", r"""
eBPF | BPF
""")
block("method", r"""
consensus algorithms | consensus protocols | Paxos | Raft consensus
distributed algorithms
""")
block("practice", r"""
state management
browser automation
""")
block("method", r"""
tree-based models | tree-based methods | tree based models
adaptive trial design | adaptive designs | adaptive clinical trial design | adaptive trial designs
trial simulation | clinical trial simulation
""")
block("practice", r"""
clinical data management | clinical trial data management
""")
block("area", r"""
lock-free data structures | lock-free programming
""")
block("lab-technique", r"""
high content microscopy | high-content microscopy | high content imaging | high-content imaging
ligand binding assays | ligand binding assay | LBA
""")
block("framework", r"""
Hono
Compose Multiplatform
""")
block("platform", r"""
Hasura
Trigger.dev
PrestaShop
Kata Containers
TopoLVM
Adaptive Hydra
XDP | eXpress Data Path
Singularity | Apptainer
Meditech | MEDITECH
eClinicalWorks
Pilosa
""")
block("cloud", r"""
AWS GovCloud
""")
block("tool", r"""
SnapLogic
Gitea
Spacelift
DIRSIG
BayesiaLab | Bayesia
jReview
Oracle DMW | Oracle Data Management Workbench
Spark UI
LINGO
Esri
""")
block("library", r"""
Aeron | Aeron Transport | Aeron Cluster | Aeron Archive
Artio
Agrona
CoinTossX
""")
block("method", r"""
CHAID
CRDTs | CRDT | conflict-free replicated data types
""")
block("practice", r"""
RBAC | role-based access control
""")
block("standard", r"""
BGP | Border Gateway Protocol
DNP3
WHO-Drug | WHODrug | WHO Drug Dictionary
""")
block("area", r"""
massively parallel processing | MPP
""")
block("data-format", r"""
RDDs | RDD | resilient distributed datasets
""")
block("framework", r"""
Hotwire
Stimulus | StimulusJS | Stimulus.js
Turbo
""")
block("practice", r"""
CQRS | command query responsibility segregation
""")
block("bi-tool", r"""
SAS Visual Analytics | SAS VA
""")
block("platform", r"""
IBM MQ | WebSphere MQ | MQSeries | MQ
""")
block("lab-technique", r"""
digital PCR | dPCR
genotyping
differential scanning calorimetry | DSC
thermogravimetric analysis | TGA
fluid bed granulation
roller compaction
solid state characterization | solid-state characterization
""")

# ---------------------------------------------------------------------------
# Case-sensitive surface forms: matched only with exactly this capitalisation.
# ---------------------------------------------------------------------------

CASE_SENSITIVE: dict[str, list[str]] = {
    "OR-Tools": ["OR-Tools"], "REST APIs": ["REST"], "version control": ["VCS"],
    "policy gradient methods": ["REINFORCE"], "whole exome sequencing": ["WES"],
    "model interpretability": ["XAI"], "vision-language models": ["VLM", "VLMs"],
    "large language models": ["LLM", "LLMs"], "modeling and simulation": ["M&S"], "Observable": ["Observable"],
    "Stable Diffusion": ["Stable Diffusion"],
    # ("large scale AI and HPC clusters", "mission-scale AI capabilities": a size, not the
    # company; taxonomy 2026.11.9)
    "Scale AI": ["Scale AI"],
    # ("sit and sift through that data", "RNs and MDs": a verb and medical doctors; 2026.11.9)
    "feature matching": ["SIFT"], "multidimensional scaling": ["MDS"],
    "CAD": ["CAD"], "BIM": ["BIM"], "differential scanning calorimetry": ["DSC"],
    "thermogravimetric analysis": ["TGA"], "quality by design": ["QbD"], "CLIA": ["CLIA"], "CJIS": ["CJIS"],
    "R": ["R"], "C": ["C"], "Go": ["Go"], "Rust": ["Rust"], "Swift": ["Swift"], "Ruby": ["Ruby"],
    "Ada": ["Ada"], "Scheme": ["Scheme"], "sed": ["sed"], "TypeScript": ["TS"], "TensorFlow": ["TF"],
    "JAX": ["JAX"], "DAX": ["DAX"], "Excel": ["Excel", "EXCEL"], "Microsoft Word": ["Word"],
    "Microsoft Access": ["Access"], "Microsoft Publisher": ["Publisher"], "Outlook": ["Outlook"],
    "Vowpal Wabbit": ["VW"], "Dash": ["Dash"], "Ray": ["Ray"], "Windows": ["Windows"],
    "Angular": ["Angular"], "React": ["React"], "Backbone.js": ["Backbone"], "Qt": ["Qt"],
    "Boost": ["Boost"], "LIME": ["LIME"], "RAPIDS": ["RAPIDS"], "NVIDIA NeMo": ["NeMo"],
    "Pillow": ["Pillow"], "Gymnasium": ["Gymnasium"], "RQ": ["RQ"], "R Shiny": ["Shiny"],
    "H3": ["H3"], "Shapely": ["Shapely"], "Instructor": ["Instructor"], "Guidance": ["Guidance"],
    "Requests": ["Requests"], "Click": ["Click"], "Flair": ["Flair"], "Haystack": ["Haystack"],
    "Cascading": ["Cascading"], "Workday": ["Workday"], "Iterable": ["Iterable"], "Replicate": ["Replicate"],
    "Modal": ["Modal"], "Ab Initio": ["Ab Initio"], "Segment": ["Segment"], "Census": ["Census"],
    # product names that are everyday words in lower case ("the solar eclipse", French "aider",
    # "Nerf gun battles"; taxonomy 2026.11.6)
    "Aider": ["Aider"], "Eclipse": ["Eclipse"], "NeRF": ["NeRF"],
    "Temporal": ["Temporal"], "BOLD": ["BOLD"], "Notion": ["Notion"], "uv": ["uv"], "Prettier": ["Prettier"],
    "Harness": ["Harness"], "Poetry": ["Poetry"], "Maven": ["Maven"], "SWC": ["SWC"], "Fortify": ["Fortify"],
    "Open Policy Agent": ["OPA"], "Adobe Illustrator": ["Illustrator"], "CVS": ["CVS"], "RCS": ["RCS"],
    "BIDS": ["BIDS"], "LUCID keys": ["LUCID"], "Unicorn": ["Unicorn", "UNICORN"], "Feast": ["Feast"],
    "Great Expectations": ["Great Expectations"], "Amplitude": ["Amplitude"], "Flourish": ["Flourish"],
    "Hex": ["Hex"], "Heap": ["Heap"], "Apache ORC": ["ORC"], "OWL": ["OWL"], "SMILES": ["SMILES"],
    "ARIA": ["ARIA"], "CDISC": ["ADaM"], "CPT": ["CPT"], "SOX": ["SOX"],
    "Cohere": ["Cohere"], "PaLM": ["PaLM"], "BERT": ["BERT"], "ELMo": ["ELMo"], "CLIP": ["CLIP"],
    "DINO": ["DINO"], "YOLO": ["YOLO"], "Grok": ["Grok"], "difference-in-differences": ["DiD"],
    "neural networks": ["ANN"], "mixture of experts": ["MoE"], "FSDP": ["ZeRO"], "LoRA": ["LoRA"],
    "chain-of-thought prompting": ["CoT"], "value at risk": ["VaR"], "SLAM": ["SLAM"],
    "retrieval-augmented generation": ["RAG"], "bag of words": ["BoW"], 
    "design of experiments": ["DOE", "DoE"], "machine learning": ["ML"], "deep learning": ["DL"],
    "computer vision": ["CV"], "information retrieval": ["IR"], "reinforcement learning": ["RL"],
    "business intelligence": ["BI"], "augmented reality": ["AR"], "knowledge graphs": ["KG"],
    "process analytical technology": ["PAT"], "Extreme Programming": ["XP"], "SAFe": ["SAFe"],
    "business process modeling": ["BPM"], "gas chromatography": ["GC"], "PVM": ["PVM"],
    "Stan": ["Stan"], "Apex": ["Apex"], "Jackson": ["Jackson"], "Prodigy": ["Prodigy"],
    "MOA": ["MOA"], "Mojo": ["Mojo"], "Unity": ["Unity"],
    "Stimulus": ["Stimulus"], "Turbo": ["Turbo"], "Drizzle ORM": ["Drizzle"], "Bun.js": ["Bun"],
    "Neon (Postgres)": ["Neon"], "Apache Arrow": ["Arrow"], "Phoenix Framework": ["Phoenix"], "IBM MQ": ["MQ"],
    "LTspice": ["SPICE"], "Google Compute Engine": ["Compute Engine"],
    "Nix": ["Nix"], "eBPF": ["BPF"],
    "Epic (EHR)": ["Epic"], "Singularity": ["Singularity"], "LINGO": ["LINGO"], "massively parallel processing": ["MPP"],
    "RDDs": ["RDD", "RDDs"], "Artio": ["Artio"], "Hono": ["Hono"],
}

# ---------------------------------------------------------------------------
# Context rules (schema: CONTEXT_SCHEMA above and data/README.md).
# ---------------------------------------------------------------------------

PROG = ["programming", "programming languages", "language", "languages", "Python", "Java", "C++", "C#",
        "JavaScript", "TypeScript", "Scala", "Kotlin", "Rust", "Golang", "Ruby", "PHP", "Perl", "Swift",
        "SQL", "backend", "software development", "developer", "coding", "code", "scripting"]
STATS_PROG = ["Python", "SQL", "SAS", "SPSS", "Stata", "MATLAB", "Julia", "Scala", "Java", "RStudio",
              "Shiny", "tidyverse", "ggplot2", "dplyr", "CRAN", "statistics", "statistical", "programming",
              "language", "languages", "data analysis", "analytics", "data science", "machine learning",
              "modeling", "modelling", "Excel", "Tableau", "packages", "scripting", "coding", "econometrics",
              "biostatistics", "Hadoop", "Spark", "pandas", "NumPy", "C++", "quantitative"]
C_NEAR = ["C++", "Python", "Java", "Rust", "Golang", "assembly", "embedded", "firmware", "programming",
          "language", "languages", "Linux", "kernel", "CUDA", "C#", "Fortran", "MATLAB", "Verilog", "VHDL",
          "low-level", "systems programming", "compiler", "microcontrollers", "RTOS", "Objective-C", "Perl"]
GO_NEAR = ["Golang", "Python", "Java", "Rust", "C++", "Kotlin", "Scala", "TypeScript", "Node.js", "Node",
           "backend", "back-end", "microservices", "Kubernetes", "gRPC", "programming", "languages",
           "language", "Docker", "Ruby", "Elixir", "C#", "JavaScript", "distributed systems", "PostgreSQL",
           "Postgres", "AWS", "React", "Next.js", "NextJS", "Temporal", "Ansible", "Terraform"]
SENTENCE_VERB_FOLLOWERS = ["to", "live", "ahead", "beyond", "further", "through", "above", "for", "with",
                           "back", "over", "into", "out", "on", "in", "get", "from", "deep", "big", "far",
                           "where", "home", "the", "a", "an", "and", "fast", "faster", "after", "-to",
                           "-live", "-getter", "getter", "/no-go", "-around", "around", "forward", "global",
                           "/No Go", "/no go", "/No-Go", "super", "deeper", "all-in", "all in"]
BIGDATA = ["Hadoop", "Scala", "Python", "PySpark", "SQL", "Kafka", "big data", "Databricks", "cluster",
           "clusters", "pipeline", "pipelines", "ETL", "Hive", "distributed", "AWS", "EMR", "data processing",
           "Flink", "HDFS", "Airflow", "data engineering", "Java", "Snowflake", "BigQuery", "Presto", "Dask",
           "MapReduce", "streaming", "batch", "data lake", "Delta Lake", "MLlib", "Kubernetes", "HBase",
           "Cassandra", "Impala", "Storm", "Pig", "NoSQL", "Redshift", "GCP", "Azure", "data", "datasets"]
JS = ["JavaScript", "TypeScript", "Node", "Node.js", "npm", "React", "Angular", "Vue", "frontend",
      "front-end", "HTML", "CSS", "web", "webpack", "Next.js", "Express", "Redux", "UI", "mobile", "iOS",
      "Android", "app", "apps", "Ionic", "Cordova", "Electron", "desktop", "Jest", "Mocha", "Cypress"]
AWS_T = ["AWS", "Amazon", "Amazon Web Services", "EC2", "S3", "Lambda", "Redshift", "DynamoDB", "SageMaker",
         "CloudFormation", "Kinesis", "ECS", "EKS", "IAM", "VPC", "cloud", "serverless", "Glue", "Athena",
         "EMR", "RDS", "Fargate", "SQS", "SNS", "CloudWatch", "Terraform", "Bedrock", "Step Functions",
         "API Gateway", "Docker", "Spark", "Hadoop", "Kubernetes", "containers", "container", "Azure", "GCP",
         "PostgreSQL", "MySQL", "Aurora", "database", "databases", "ETL", "data lake", "S3 buckets"]
GCP_T = ["Google", "GCP", "Google Cloud", "BigQuery", "Beam", "Apache Beam", "Pub/Sub", "Dataproc", "GKE",
         "Cloud Run", "Vertex AI", "Cloud Storage", "Bigtable", "Spanner", "Firestore", "Composer", "GCS"]
AZURE_T = ["Azure", "Microsoft", "Power BI", "Synapse", "Data Factory", "OneLake", "lakehouse", "Databricks",
           "SQL Server", "ADF", "Purview", "Spark", "data warehouse", "T-SQL", "Fabric"]
OFFICE = ["Excel", "PowerPoint", "Word", "Outlook", "Access", "Office", "Microsoft", "MS Office", "Visio",
          "SharePoint", "Publisher", "Teams", "Google Sheets", "spreadsheets", "Keynote", "Pages", "Numbers"]
LLM_T = ["LLM", "LLMs", "AI", "GPT", "OpenAI", "Anthropic", "Gemini", "Claude", "model", "models",
         "language model", "language models", "prompt", "prompts", "prompting", "agents", "agentic",
         "generative", "GenAI", "Cursor", "Copilot", "chatbot", "API", "APIs", "Llama", "Mistral", "coding",
         "Vertex AI", "Bedrock", "RAG", "embeddings", "inference", "fine-tuning", "ChatGPT", "tools"]
ML_T = ["machine learning", "ML", "deep learning", "neural", "neural networks", "model", "models",
        "training", "AI", "data science", "PyTorch", "TensorFlow", "Python", "algorithms", "NLP",
        "computer vision", "learning", "inference", "GPU", "GPUs", "statistics", "data"]
VISION_T = ["image", "images", "video", "vision", "object detection", "segmentation", "NLP", "speech",
            "perception", "camera", "cameras", "OpenCV", "deep learning", "CNN", "CNNs", "multimodal",
            "imaging", "3D", "point cloud", "LiDAR", "recognition", "ML", "machine learning", "AI",
            "PyTorch", "TensorFlow", "robotics", "VLMs", "pixels", "visual"]
RESUME_WORDS = ["your", "a", "the", "updated", "our", "my", "their", "his", "her", "attach", "send", "submit",
                "include", "including", "detailed", "current", "full", "English", "and", "with", "or",
                "resume", "résumé"]
DEVOPS_T = ["Kubernetes", "K8s", "Docker", "DevOps", "CI/CD", "Terraform", "Ansible", "AWS", "Azure", "GCP",
            "cloud", "infrastructure", "deployment", "deployments", "containers", "Jenkins", "Helm",
            "Prometheus", "Grafana", "Linux", "microservices", "service mesh", "Istio", "Argo", "GitOps",
            "Rancher", "RKE2", "Datadog", "policy", "policies", "Gatekeeper", "Rego", "authorization",
            "Vault", "Consul", "Nomad", "HashiCorp", "Puppet", "Chef", "SaltStack", "configuration management"]
ORCH_T = ["pipeline", "pipelines", "DAG", "DAGs", "ETL", "ELT", "dbt", "Spark", "Kafka", "Python",
          "orchestration", "workflow", "workflows", "scheduling", "Luigi", "Prefect", "Dagster", "SQL",
          "Snowflake", "BigQuery", "Redshift", "data engineering", "Kubernetes", "Argo", "MLflow", "Kubeflow",
          "Airflow", "AWS", "GCP", "Azure", "Docker", "data warehouse", "batch", "jobs"]
ANALYTICS_T = ["Mixpanel", "Amplitude", "Segment", "Heap", "Google Analytics", "analytics", "product analytics",
               "events", "event", "tracking", "dbt", "Snowflake", "BigQuery", "Looker", "Tableau", "funnels",
               "Mode", "Fivetran", "Hightouch", "Census", "reverse ETL", "CDP", "warehouse", "Braze",
               "Iterable", "Salesforce", "HubSpot", "marketing", "CRM", "email", "Klaviyo", "Redshift"]
GEO_T = ["GIS", "geospatial", "spatial", "map", "maps", "mapping", "OpenLayers", "Leaflet", "Mapbox",
         "WebGL", "3D", "JavaScript", "ArcGIS", "QGIS", "PostGIS", "GeoPandas", "GDAL", "Uber", "hexagon",
         "hexagons", "geographic", "terrain", "globe"]
TEST_T = ["testing", "test", "tests", "E2E", "end-to-end", "automation", "automated", "QA", "Selenium",
          "Cypress", "Playwright", "Jest", "Mocha", "browser", "browsers", "WebDriver", "JavaScript",
          "TypeScript", "Python", "Java", "scraping", "headless", "Chrome", "BDD", "Gherkin", "JUnit"]
LOADTEST_T = ["load testing", "performance testing", "JMeter", "k6", "Gatling", "Locust", "stress testing",
              "load tests", "performance tests", "benchmarking"]
SPECTRO_T = ["chromatography", "HPLC", "mass spectrometry", "MS", "analytical", "LC", "FTIR", "spectroscopy",
             "GC-MS", "NMR", "UPLC", "laboratory", "lab", "analytical chemistry", "samples", "Raman", "GC/MS"]
PAT_T = ["FBRM", "ReactIR", "ReactRaman", "particle", "crystallization", "PAT", "Mettler", "process analytical",
         "in-situ", "in situ", "spectroscopy", "Raman", "FTIR", "probe", "probes"]
MED_CODE_T = ["ICD", "ICD-10", "ICD10", "coding", "codes", "claims", "medical", "billing", "HCPCS", "procedure",
              "healthcare", "DRG", "Medicare", "Medicaid", "diagnosis", "CPT-4", "reimbursement", "payer"]
VC_T = ["SVN", "CVS", "Git", "version control", "Subversion", "Perforce", "Mercurial", "RCS", "revision",
        "source control", "GitHub", "ClearCase", "TFS"]
BIO_T = ["DNA", "barcode", "barcodes", "barcoding", "sequences", "sequence", "GenBank", "taxonomic", "species",
         "genome", "genomes", "specimens", "biodiversity", "Barcode of Life"]
FE_BUILD_T = ["webpack", "Webpack", "Babel", "React", "JavaScript", "TypeScript", "esbuild", "Vite", "Redux",
              "frontend", "front-end", "bundler", "Rollup", "Next.js", "CSS", "Node", "npm", "Turbopack"]
OPT_T = ["optimization", "optimisation", "solver", "solvers", "Gurobi", "CPLEX", "linear programming",
         "mixed integer", "MIP", "operations research", "FICO", "AMPL", "GAMS", "Pyomo", "OR-Tools"]
AR_VR_T = ["VR", "AR", "XR", "virtual reality", "augmented reality", "mixed reality", "3D", "Unity", "Unreal",
           "headset", "headsets", "immersive", "spatial computing", "computer vision", "SLAM", "graphics",
           "Vision Pro", "Quest", "HoloLens", "OpenXR", "WebXR", "game", "gaming", "rendering"]
RL_T = ["reinforcement", "learning", "RLHF", "policy", "policies", "reward", "rewards", "agents", "agent",
        "ML", "machine learning", "deep learning", "LLM", "LLMs", "DPO", "PPO", "bandits", "robotics",
        "simulation", "Gym", "training", "post-training", "fine-tuning", "SFT", "model", "models"]


def ctx(aliases: list[str], near: list[str] | None = None, not_near: list[str] | None = None,
        window: int | None = None, nf: list[str] | None = None, np: list[str] | None = None) -> dict:
    rule: dict[str, object] = {"aliases": aliases}
    if near:
        rule["near_any"] = near
    if not_near:
        rule["not_near_any"] = not_near
    if window is not None:
        rule["window"] = window
    if nf:
        rule["not_followed_by"] = nf
    if np:
        rule["not_preceded_by"] = np
    return rule


CONTEXT: dict[str, dict] = {
    # --- languages
    "R": ctx(["R"], near=STATS_PROG, nf=["&", "+D", "+ D", "-rated", "'s", "’s", ".\u00a0"],
             np=["Dr.", "Mr.", "Ms.", "Mrs.", "&", "Lt.", "Col."]),
    "C": ctx(["C"], near=C_NEAR, nf=["++", "#", "-level", "-suite", "level", "suite", "-corp", "corp", "-to-C",
                                    "-section", ".V", "grade", "-grade"],
             np=["Series", "Vitamin", "Grade", "Class", "Tier", "Type", "Section", "Plan", "Part", "Level",
                 "Schedule", "Appendix", "Exhibit", "Title", "Phase", "B2", "B-to-", "°", "degrees", "Hepatitis",
                 "Team", "Form", "Category", "Round"]),
    # "Go and Python" is a list of languages; "go and get" is ruled out by near_any
    # and the capital G, so "and" is not a blocking follower for Go.
    "Go": ctx(["Go"], near=GO_NEAR, nf=[w for w in SENTENCE_VERB_FOLLOWERS if w != "and"], np=["to", "will", "let's", "can", "we", "must",
                                                                   "should", "ready to", "you'll", "on the"]),
    "Julia": ctx(["Julia"], near=["TypeScript", "React", "JavaScript", "Golang", "Python", "MATLAB", "programming", "language", "languages", "scientific computing",
                                  "numerical", "Fortran", "C++", "Scala", "Stan", "R", "Rust", "differential equations"]),
    "Swift": ctx(["Swift"], near=["iOS", "Objective-C", "Xcode", "SwiftUI", "Kotlin", "Apple", "macOS", "mobile",
                                  "UIKit", "Android", "programming", "language", "languages", "app", "apps", "Java"]),
    "Ruby": ctx(["Ruby"], near=["Rails", "Python", "Java", "programming", "backend", "JavaScript", "Golang", "PHP",
                                "Perl", "language", "languages", "Elixir", "Node", "Scala", "developer"]),
    "Ada": ctx(["Ada"], near=["programming", "language", "languages", "embedded", "SPARK", "C++", "avionics",
                              "safety-critical", "real-time", "Fortran", "DO-178C"]),
    "Scheme": ctx(["Scheme"], near=["Lisp", "Racket", "functional programming", "Haskell", "programming language",
                                    "programming languages", "Clojure", "OCaml"]),
    "Racket": ctx(["Racket"], near=["Lisp", "Scheme", "functional programming", "Haskell", "programming language",
                                    "programming languages", "Clojure"]),
    "Pascal": ctx(["Pascal"], near=["Delphi", "programming", "language", "languages", "Fortran", "C++", "COBOL",
                                    "Basic", "Ada"]),
    "Delphi": ctx(["Delphi"], near=["Pascal", "programming", "language", "languages", "Windows", "C++", "developer",
                                    "RAD Studio", "VCL"]),
    "Dart": ctx(["Dart"], near=["Flutter", "mobile", "iOS", "Android", "Kotlin", "Swift", "programming", "language",
                                "languages", "app", "apps"]),
    "Groovy": ctx(["Groovy"], near=["Java", "Jenkins", "Gradle", "Grails", "Kotlin", "Scala", "JVM", "pipeline",
                                    "pipelines", "scripting", "Spock"]),
    "Octave": ctx(["Octave"], near=["MATLAB", "numerical", "Python", "scientific computing", "Scilab", "R"]),
    "Stan": ctx(["Stan"], near=["Bayesian", "PyMC", "probabilistic", "MCMC", "R", "statistical", "brms", "JAGS",
                                "Python", "hierarchical", "NumPyro", "Pyro", "inference"]),
    "sed": ctx(["sed"], near=["awk", "AWK", "grep", "bash", "shell", "Unix", "Linux", "Perl", "scripting"]),
    "Apex": ctx(["Apex"], near=["Salesforce", "Visualforce", "Lightning", "SOQL", "SFDC", "Force.com"]),
    "Solidity": ctx(["Solidity"], near=["blockchain", "Ethereum", "smart contracts", "smart contract", "Web3",
                                        "EVM", "DeFi", "crypto", "Rust"]),
    "TypeScript": ctx(["TS"], near=["JavaScript", "JS", "React", "Node", "Node.js", "Angular", "Vue", "frontend",
                                    "Python", "Go", "Golang", "TypeScript", "Next.js", "Express", "web", "HTML"],
                      nf=["/SCI", "/ SCI", "SCI", "clearance", "-SCI"]),
    "DAX": ctx(["DAX"], near=["Power BI", "Excel", "SSAS", "Tabular", "measures", "Power Pivot", "M", "Power Query",
                              "data model", "data modeling", "reports"]),
    "MDX": ctx(["MDX"], near=["SSAS", "OLAP", "cubes", "cube", "SQL", "Analysis Services", "DAX", "Essbase"]),
    "HTTP": ctx(["HTTP", "HTTPS"], nf=["://", ":/", "/:"]),
    "networking": ctx(["networking"], np=["social", "professional", "Social"]),
    "HCL": ctx(["HCL"], near=["Terraform", "HashiCorp", "infrastructure as code", "IaC", "Packer", "Nomad"]),
    "Gremlin": ctx(["Gremlin"], near=["graph", "TinkerPop", "Neptune", "JanusGraph", "Cypher", "SPARQL", "Neo4j",
                                      "query"]),
    "Cypher": ctx(["Cypher"], near=["Neo4j", "graph", "query", "Gremlin", "SPARQL", "graph database",
                                    "graph databases", "Memgraph"]),
    "Mojo": ctx(["Mojo"], near=["Python", "Modular", "AI", "programming", "language", "performance", "MLIR"]),
    "Modelica": None,
    # --- libraries
    "Vowpal Wabbit": ctx(["VW"], near=["machine learning", "Hadoop", "model", "models", "learning", "Vowpal",
                                       "online learning", "Mahout", "Spark", "regression", "classification",
                                       "bandits", "contextual bandits", "ML", "scikit-learn", "Weka"]),
    "Instructor": ctx(["Instructor"], near=["LLM", "LLMs", "Pydantic", "OpenAI", "structured outputs",
                                            "structured output", "Outlines", "LangChain", "DSPy", "LiteLLM"]),
    "Outlines": ctx(["Outlines"], near=["LLM", "LLMs", "structured generation", "constrained decoding",
                                        "Instructor", "Guidance", "vLLM", "Pydantic", "DSPy"]),
    "Guidance": ctx(["Guidance"], near=["LLM", "LLMs", "constrained generation", "Outlines", "Instructor",
                                        "Microsoft", "DSPy", "prompting"]),
    "Requests": ctx(["Requests"], nf=["for"], near=["Python", "HTTP", "library", "libraries", "BeautifulSoup", "Scrapy",
                                        "urllib", "httpx", "aiohttp", "pandas", "Flask"]),
    "Click": ctx(["Click"], near=["Python", "CLI", "command-line", "command line", "Typer", "argparse"]),
    "Surprise": ctx(["Surprise"], near=["recommender", "recommendation", "collaborative filtering", "scikit-learn",
                                        "LightFM", "Python", "matrix factorization"]),
    "Annoy": ctx(["Annoy"], near=["Faiss", "FAISS", "nearest neighbor", "nearest neighbour", "vector", "HNSW",
                                  "hnswlib", "ScaNN", "Spotify", "embeddings", "similarity search"]),
    "Darts": ctx(["Darts"], near=["time series", "forecasting", "Prophet", "sktime", "ARIMA", "GluonTS", "Python"]),
    "Prophet": ctx(["Prophet"], near=["forecasting", "time series", "ARIMA", "Facebook", "statsmodels", "sktime",
                                      "Python", "R", "forecast", "seasonality", "LSTM"]),
    "Altair": ctx(["Altair"], near=["Python", "visualization", "visualisation", "Vega", "Matplotlib", "Plotly",
                                    "seaborn", "Bokeh", "charts", "pandas"]),
    "Haiku": ctx(["Haiku"], near=["JAX", "Flax", "DeepMind", "Optax", "neural", "PyTorch", "TensorFlow"]),
    "Equinox": ctx(["Equinox"], near=["JAX", "Flax", "Optax", "PyTorch", "neural"]),
    "Edward": ctx(["Edward"], near=["probabilistic", "TensorFlow", "Bayesian", "PyMC", "Pyro", "Stan"]),
    "Alibi": ctx(["Alibi"], near=["explainability", "explainable", "Seldon", "SHAP", "LIME", "interpretability",
                                  "drift", "ML"]),
    "Marshmallow": ctx(["Marshmallow"], near=["Python", "serialization", "Flask", "SQLAlchemy", "Pydantic",
                                              "schemas", "API"]),
    "Boost": ctx(["Boost"], near=["C++", "STL", "Qt", "CMake", "Eigen", "template", "templates"]),
    "Eigen": ctx(["Eigen"], near=["C++", "linear algebra", "BLAS", "LAPACK", "Boost", "CUDA", "numerical"]),
    "Thrust": ctx(["Thrust"], near=["CUDA", "C++", "GPU", "cuDNN", "CUTLASS", "NCCL"]),
    "Armadillo": ctx(["Armadillo"], near=["C++", "linear algebra", "Eigen", "BLAS", "LAPACK"]),
    "Leaflet": ctx(["Leaflet"], near=GEO_T),
    "Cesium": ctx(["Cesium"], near=GEO_T),
    "Jackson": ctx(["Jackson"], near=["Java", "JSON", "Spring", "Gson", "serialization", "Maven"]),
    "Apache Thrift": ctx(["Thrift"], near=["RPC", "protobuf", "Protocol Buffers", "Avro", "serialization", "gRPC",
                                           "Hive", "Hadoop"]),
    "MPI": ctx(["MPI"], near=["parallel", "HPC", "OpenMP", "C++", "cluster", "clusters", "distributed", "CUDA",
                              "Fortran", "supercomputing", "high-performance computing", "NCCL", "Slurm"]),
    "Flair": ctx(["Flair"], near=["NLP", "spaCy", "NLTK", "embeddings", "named entity recognition", "NER",
                                  "Hugging Face", "Gensim", "PyTorch"]),
    "Stanza": ctx(["Stanza"], near=["NLP", "spaCy", "NLTK", "CoreNLP", "Stanford", "parsing", "tokenization"]),
    "Haystack": ctx(["Haystack"], near=["LLM", "LLMs", "RAG", "NLP", "deepset", "LangChain", "LlamaIndex",
                                        "retrieval", "search", "Elasticsearch"]),
    "NVIDIA Merlin": ctx(["Merlin"], near=["NVIDIA", "recommender", "recommendation", "RAPIDS", "GPU", "HugeCTR"]),
    "Model Context Protocol": ctx(["MCP"], near=LLM_T + ["servers", "server", "tool calling", "function calling"]),
    "Apache Tika": ctx(["Tika"], near=["Apache", "Lucene", "Solr", "document", "documents", "parsing", "Java",
                                       "PDF", "text extraction", "Elasticsearch"]),
    "Koalas": ctx(["Koalas"], near=["Spark", "PySpark", "pandas", "Databricks"]),
    "Flax": ctx(["Flax"], near=["JAX", "Optax", "Haiku", "PyTorch", "TensorFlow", "neural", "deep learning"]),
    "Pillow": ctx(["Pillow"], near=["Python", "image", "images", "OpenCV", "NumPy", "PIL", "scikit-image"]),
    "Tesseract": ctx(["Tesseract"], near=["OCR", "optical character recognition", "text extraction", "OpenCV",
                                          "document", "documents", "PDF", "EasyOCR", "scanned"]),
    "Gymnasium": ctx(["Gymnasium"], near=["reinforcement", "RL", "environment", "environments", "OpenAI",
                                          "agents", "Stable Baselines", "MuJoCo", "PettingZoo"]),
    "RQ": ctx(["RQ"], near=["Redis", "Python", "Celery", "queue", "queues", "workers", "Dramatiq"]),
    "Alembic": ctx(["Alembic"], near=["SQLAlchemy", "migrations", "migration", "database", "Python", "PostgreSQL"]),
    "Seurat": ctx(["Seurat"], near=["single-cell", "scRNA-seq", "R", "Bioconductor", "Scanpy", "RNA-seq",
                                    "clustering", "genomics"]),
    "R Shiny": ctx(["Shiny"], near=["R", "RStudio", "dashboards", "dashboard", "Python", "dplyr", "ggplot2",
                                    "tidyverse", "Plotly", "apps", "app", "web applications", "Dash", "Streamlit"]),
    "caret": ctx(["caret"], near=["R", "tidymodels", "machine learning", "randomForest", "glmnet", "mlr",
                                  "xgboost", "packages"]),
    "mlr3": ctx(["mlr"], near=["R", "tidymodels", "caret", "machine learning", "packages"]),
    "Prisma": ctx(["Prisma"], near=["TypeScript", "Node", "Node.js", "ORM", "database", "PostgreSQL", "Next.js",
                                    "GraphQL", "MySQL", "Drizzle", "TypeORM", "JavaScript", "Supabase"]),
    "Puppeteer": ctx(["Puppeteer"], near=TEST_T),
    "Storybook": ctx(["Storybook"], near=["React", "components", "component", "UI", "frontend", "design system",
                                          "Vue", "Angular", "TypeScript", "Jest"]),
    "Hibernate": ctx(["Hibernate"], near=["Java", "Spring", "JPA", "ORM", "Spring Boot", "SQL", "JDBC"]),
    "H3": ctx(["H3"], near=GEO_T),
    "Shapely": ctx(["Shapely"], near=GEO_T + ["Python", "Rasterio", "Fiona"]),
    "MOA": ctx(["MOA"], near=["stream", "streams", "online learning", "Weka", "Java", "data streams", "Mahout"]),
    "ELI5": None,
    "NVIDIA NeMo": None,
    # --- frameworks
    "TensorFlow": ctx(["TF"], near=["PyTorch", "Keras", "deep learning", "model", "models", "ML", "neural",
                                    "machine learning", "JAX", "TensorFlow", "GPU", "training", "Python", "TFX"]),
    "Spring": ctx(["Spring"], near=["Java", "Boot", "Hibernate", "microservices", "Kotlin", "JVM", "backend",
                                    "back-end", "Maven", "Gradle", "JPA", "REST", "MVC", "Spring Boot", "Tomcat"]),
    "Dash": ctx(["Dash"], near=["Plotly", "Python", "Streamlit", "Flask", "dashboards", "dashboard", "Shiny",
                                "visualization", "visualisation", "web app", "apps", "Gradio", "Panel"]),
    "Jasmine": ctx(["Jasmine"], near=["JavaScript", "testing", "Karma", "Jest", "Mocha", "Angular", "unit tests",
                                      "TypeScript", "Protractor"]),
    "Mocha": ctx(["Mocha"], near=["JavaScript", "testing", "Chai", "Jest", "Node", "Node.js", "unit tests",
                                  "TypeScript", "Jasmine", "Cypress"]),
    "Expo": ctx(["Expo"], near=["React Native", "mobile", "iOS", "Android", "JavaScript", "TypeScript", "app"]),
    "Unity": ctx(["Unity", "Unity3D"], near=["C#", "game", "games", "3D", "Unreal", "AR", "VR", "XR",
                                             "simulation", "engine", "Godot", "gaming", "ML-Agents", "shaders"]),
    "Ionic": ctx(["Ionic"], near=["Angular", "mobile", "Capacitor", "Cordova", "hybrid", "JavaScript",
                                  "TypeScript", "React", "app", "apps", "iOS", "Android"]),
    "Capacitor": ctx(["Capacitor"], near=JS),
    "Electron": ctx(["Electron"], near=["JavaScript", "desktop", "Node", "Node.js", "TypeScript", "React", "app",
                                        "apps", "Tauri", "cross-platform", "Chromium"]),
    "Gin": ctx(["Gin"], near=["Go", "Golang", "Echo", "Fiber", "REST", "microservices", "API"]),
    "Tornado": ctx(["Tornado"], near=["Python", "web", "async", "Flask", "Django", "FastAPI", "asyncio",
                                      "WebSockets"]),
    "Express.js": ctx(["Express"], near=JS + ["MongoDB", "backend", "API", "APIs", "REST", "SSR", "server",
                                              "PostgreSQL", "Koa", "NestJS", "Fastify"]),
    "Remix": ctx(["Remix"], near=["React", "JavaScript", "Next.js", "TypeScript", "frontend", "web", "SSR"]),
    "Gatsby": ctx(["Gatsby"], near=["React", "JavaScript", "GraphQL", "static", "Next.js", "Netlify", "frontend"]),
    "Astro": ctx(["Astro"], near=["JavaScript", "React", "static site", "Svelte", "Vue", "Next.js", "frontend",
                                  "TypeScript", "web"]),
    "Bootstrap": ctx(["Bootstrap"], near=["CSS", "HTML", "JavaScript", "React", "Angular", "frontend", "front-end",
                                          "web", "jQuery", "Sass", "SASS", "UI", "Tailwind", "responsive", "Vue",
                                          "Yarn", "NPM", "Node", "OpenLayers", "Cesium"]),
    "Sinatra": ctx(["Sinatra"], near=["Ruby", "Rails", "web", "API", "Rack"]),
    "Koa": ctx(["Koa"], near=["Node", "Node.js", "JavaScript", "Express", "TypeScript"]),
    "Hapi": ctx(["Hapi"], near=["Node", "Node.js", "JavaScript", "Express", "TypeScript"]),
    "Tokio": ctx(["Tokio"], near=["Rust", "async", "Axum", "Actix", "asynchronous"]),
    "Cucumber": ctx(["Cucumber"], near=TEST_T),
    "Cypress": ctx(["Cypress"], near=TEST_T),
    "Playwright": ctx(["Playwright"], near=TEST_T),
    "Selenium": ctx(["Selenium"], near=TEST_T),
    "Angular": ctx(["Angular"], near=JS + ["RxJS", "Java", "Spring", ".NET", "C#", "Python", "Bootstrap", "SASS",
                                           "Sass", "Yarn", "NPM", "Cesium", "OpenLayers", "full-stack"]),
    "React": ctx(["React"], near=JS + ["AWS", "K8s", "Kubernetes", "Rust", "Docker", "GCP", "Azure", "hooks", "components", "React Native", "Python", "Django", "GraphQL",
                                       "Tailwind", "full-stack", "Supabase", "FastAPI", "Redux-Saga", "SSR",
                                       "Material UI", "Java", "Go", "Golang", "Ruby", "Rails", "Flask",
                                       # ("JS/React", "Operator UIs ... (React)", "PHP/Laravel OR JS/React";
                                       # taxonomy 2026.11.7)
                                       "JS", "TS", "JSX", "TSX", "UIs", "PHP", "Laravel", "Svelte", "Vite"]),
    "Backbone.js": ctx(["Backbone"], near=["JavaScript", "jQuery", "Marionette", "Underscore", "Ember", "Angular",
                                           "React", "MVC"]),
    "Ember.js": ctx(["Ember"], near=JS),
    "JAX": None,
    # --- platforms
    "Apache Spark": ctx(["Spark"], near=BIGDATA,
                        nf=["joy", "curiosity", "innovation", "creativity", "conversation", "conversations", "change",
                            "ideas", "interest", "discussion", "discussions", "new ideas", "growth", "excitement",
                            "debate", "a", "an", "the", "meaningful", "action", "breakthroughs", "imagination"],
                        np=["will", "that", "which", "can", "could", "help", "helps", "and help"]),
    "Apache Storm": ctx(["Storm"], near=["Hadoop", "Kafka", "Spark", "streaming", "real-time", "Apache", "Flink",
                                         "Samza", "Heron", "Pig", "Hive", "HBase", "topology", "topologies"]),
    "Apache Pig": ctx(["Pig", "Pig Latin"], near=["Hadoop", "Hive", "MapReduce", "HDFS", "HBase", "Sqoop", "Oozie",
                                                  "Spark", "Storm", "big data"]),
    "Apache Beam": ctx(["Beam"], near=["Apache", "Dataflow", "Flink", "Spark", "pipeline", "pipelines", "streaming",
                                       "batch", "GCP", "Google Cloud", "Kafka"]),
    "Apache Drill": ctx(["Drill"], near=["Apache", "SQL", "Hadoop", "Presto", "Impala", "Hive", "query engine"]),
    "Apache Flume": ctx(["Flume"], near=["Hadoop", "Kafka", "Sqoop", "HDFS", "Hive", "ingestion", "logs"]),
    "Apache Livy": ctx(["Livy"], near=["Spark", "REST", "Hadoop", "EMR", "Jupyter"]),
    "Apache Tez": ctx(["Tez"], near=["Hive", "Hadoop", "MapReduce", "YARN", "Spark"]),
    "Apache Zeppelin": ctx(["Zeppelin"], near=["notebook", "notebooks", "Spark", "Jupyter", "Hadoop", "Scala"]),
    "Luigi": ctx(["Luigi"], near=ORCH_T),
    "Prefect": ctx(["Prefect"], near=ORCH_T),
    "Argo Workflows": ctx(["Argo"], near=["Kubernetes", "K8s", "workflow", "workflows", "CD", "GitOps",
                                          "Kubeflow", "pipelines", "Helm", "Argo CD", "Tekton"]),
    "Apache Airflow": ctx(["Airflow"], near=ORCH_T, np=["laminar"]),
    "Hive": ctx(["Hive"], near=["Hadoop", "SQL", "Spark", "HDFS", "Presto", "Impala", "Pig", "big data",
                                "data warehouse", "HiveQL", "Sqoop", "MapReduce", "Hue", "HBase", "Trino", "EMR",
                                "Kafka", "Scala", "Oozie", "Tez", "Parquet", "ORC", "Redshift", "Databricks"]),
    "Presto": ctx(["Presto"], near=["SQL", "Hive", "Spark", "Trino", "Athena", "Hadoop", "query", "queries",
                                    "Impala", "HDFS", "BigQuery", "Redshift", "Snowflake", "Druid", "Kafka"]),
    "Cascading": ctx(["Cascading"], near=["Hadoop", "Scalding", "MapReduce", "Hive", "Pig", "Crunch"]),
    "Scalding": ctx(["Scalding"], near=["Hadoop", "Scala", "Cascading", "MapReduce", "Spark", "Summingbird"]),
    "Ray": ctx(["Ray"], near=["distributed", "Python", "PyTorch", "Spark", "Dask", "cluster", "clusters",
                              "Anyscale", "RLlib", "training", "serving", "Kubernetes", "GPU", "GPUs", "parallel",
                              "ML", "machine learning", "Horovod", "DeepSpeed", "Kubeflow", "vLLM", "Ray Serve",
                              "compute", "scaling", "inference"]),
    "IBM Watson": ctx(["Watson"], near=["IBM", "AI", "NLP", "Watson Studio", "cognitive", "chatbot", "Discovery"]),
    "H2O.ai": ctx(["H2O"], near=["ML", "machine learning", "AutoML", "Driverless", "Sparkling Water", "DataRobot",
                                 "scikit-learn", "XGBoost", "models", "Spark", "R", "Python"]),
    "Stitch": ctx(["Stitch"], near=["ETL", "ELT", "Fivetran", "data pipeline", "data pipelines", "Singer",
                                    "warehouse", "Snowflake", "Airbyte", "BigQuery", "Redshift", "dbt"]),
    "Census": ctx(["Census"], near=["dbt", "DBT", "Snowflake", "reverse ETL", "Fivetran", "Hightouch", "Segment",
                                    "Amplitude", "Mode Analytics", "Looker", "BigQuery", "Salesforce", "HubSpot"]),
    "Segment": ctx(["Segment"], near=ANALYTICS_T, np=["Job"]),
    "Temporal": ctx(["Temporal"], near=["workflow", "workflows", "orchestration", "Kafka", "Airflow", "Celery",
                                        "BullMQ", "Go", "Golang", "Java", "TypeScript", "Python", "durable",
                                        "microservices", "Redis", "Postgres", "PostgreSQL", "Kubernetes", "queues"]),
    "Windows": ctx(["Windows"], near=["Business Objects", "Office", "Microsoft Office", "Excel", "mainframe", "PC", "computers", "Linux", "Unix", "macOS", "Mac", "Windows Server", "operating system",
                                      "operating systems", "OS", "Microsoft", "desktop", ".NET", "PowerShell",
                                      "Active Directory", "Solaris", "Ubuntu", "CentOS", "RHEL", "servers",
                                      "server", "platforms", "iOS", "Android", "VMware"]),
    "Envoy": ctx(["Envoy"], near=["Istio", "proxy", "Kubernetes", "service mesh", "Linkerd", "NGINX", "gRPC",
                                  "microservices"]),
    "Calico": ctx(["Calico"], near=["Kubernetes", "K8s", "Cilium", "CNI", "networking", "Flannel"]),
    "Consul": ctx(["Consul"], near=["HashiCorp", "Vault", "Nomad", "Terraform", "service discovery", "service mesh",
                                    "Kubernetes", "Envoy"]),
    "Nomad": ctx(["Nomad"], near=["HashiCorp", "Vault", "Consul", "Terraform", "Kubernetes", "orchestration",
                                  "containers", "Docker"]),
    "Kong": ctx(["Kong"], near=["API gateway", "API gateways", "Kubernetes", "NGINX", "microservices", "Envoy",
                                "Apigee", "APIs", "Keycloak", "OAuth", "Istio"]),
    # ("per-node DaemonSet", "node-based workflows": a cluster or graph node; taxonomy 2026.11.7)
    "Node.js": ctx(["Node"], np=["single-", "multi-", "single", "multi", "per", "per-", "each"], nf=["-based"], near=JS + ["Python", "Go", "Golang", "Java", "backend", "back-end", "Express",
                                                "APIs", "Yarn", "NPM", "Cesium", "OpenLayers", "Bootstrap", "SASS",
                                                "MongoDB", "PostgreSQL", "GraphQL", "server", "Deno", "Bun"]),
    "ROS": ctx(["ROS"], near=["robotics", "robot", "robots", "Gazebo", "C++", "autonomous", "navigation",
                              "perception", "SLAM", "Linux", "ROS2", "motion planning", "sensors", "drones"]),
    "Gazebo": ctx(["Gazebo"], near=["ROS", "robot", "robotics", "simulation", "simulator", "Isaac Sim", "MuJoCo"]),
    "SAP SLT": ctx(["SLT"], near=["SAP", "HANA", "BW", "replication", "SDA", "SDI", "S/4HANA", "ECC"]),
    "SAP SDA": ctx(["SDA"], near=["SAP", "HANA", "BW", "SLT", "SDI", "virtual tables", "S/4HANA"]),
    "SAP SDI": ctx(["SDI"], near=["SAP", "HANA", "BW", "SLT", "SDA", "S/4HANA", "data integration"]),
    "Workday": ctx(["Workday"], near=["HR", "HCM", "ERP", "SAP", "Oracle", "integration", "integrations",
                                      "reporting", "Salesforce", "finance", "payroll", "ServiceNow", "PeopleSoft",
                                      "SuccessFactors", "Adaptive"]),
    "Iterable": ctx(["Iterable"], near=["Braze", "marketing", "email", "CRM", "Klaviyo", "Salesforce",
                                        "Marketo", "HubSpot", "campaigns", "lifecycle", "Segment"]),
    "Intercom": ctx(["Intercom"], near=["Zendesk", "HubSpot", "Salesforce", "customer support", "Slack",
                                        "Segment", "CRM", "Freshdesk"]),
    "Replicate": ctx(["Replicate"], near=["model", "models", "API", "inference", "GPU", "Hugging Face", "Modal",
                                          "Stable Diffusion", "Together AI", "Fireworks", "Banana"]),
    "Modal": ctx(["Modal"], near=["GPU", "GPUs", "serverless", "inference", "Python", "deploy", "RunPod",
                                  "Replicate", "Lambda Labs", "CoreWeave", "Together AI", "Hugging Face", "cloud"]),
    "Ab Initio": ctx(["Ab Initio"], near=["ETL", "Informatica", "data warehouse", "DataStage", "Teradata", "SQL",
                                          "Unix", "data integration", "graphs", "GDE", "Talend", "SSIS", "Oracle",
                                          "DB2", "mainframe", "data warehousing"]),
    "Plaid": ctx(["Plaid"], near=["fintech", "API", "APIs", "payments", "banking", "Stripe", "bank"]),
    "Hadoop YARN": None,
    # --- databases
    "Microsoft Access": ctx(["Access"], near=OFFICE + ["database", "databases", "SQL", "queries", "VBA",
                                                       "SQL Server", "forms", "macros"]),
    "Amazon Aurora": ctx(["Aurora"], near=AWS_T),
    "Amazon Neptune": ctx(["Neptune"], near=AWS_T + ["graph", "graph database", "Gremlin", "SPARQL", "Neo4j"]),
    "Apache Jena": ctx(["Jena"], near=["RDF", "SPARQL", "ontology", "ontologies", "OWL", "triplestore", "Java",
                                       "semantic web", "Fuseki"]),
    "Virtuoso": ctx(["Virtuoso"], near=["RDF", "SPARQL", "triplestore", "graph", "ontology", "semantic web",
                                        "linked data", "GraphDB", "Stardog"]),
    "Chroma": ctx(["Chroma"], near=["vector", "embeddings", "RAG", "Pinecone", "LLM", "LLMs", "database",
                                    "Weaviate", "Milvus", "Qdrant", "FAISS", "LangChain", "LlamaIndex"]),
    "Pinecone": ctx(["Pinecone"], near=["vector", "embeddings", "RAG", "Weaviate", "LLM", "LLMs", "database",
                                        "Milvus", "Qdrant", "FAISS", "LangChain", "LlamaIndex", "semantic search"]),
    "Apache Pinot": ctx(["Pinot"], near=["Druid", "Kafka", "OLAP", "analytics", "ClickHouse", "real-time",
                                         "Presto", "Trino", "Flink"]),
    "Apache Druid": ctx(["Druid"], near=["Pinot", "Kafka", "OLAP", "analytics", "ClickHouse", "real-time",
                                         "Presto", "Trino", "Flink", "Superset", "Hadoop", "Spark"]),
    "Realm": ctx(["Realm"], near=["MongoDB", "mobile", "iOS", "Android", "SQLite", "database", "Swift", "Kotlin"]),
    "Vespa": ctx(["Vespa"], near=["search", "vector", "ranking", "Elasticsearch", "Solr", "OpenSearch",
                                  "retrieval", "recommendation"]),
    "BOLD": ctx(["BOLD"], near=BIO_T),
    "Cloud Spanner": ctx(["Spanner"], near=GCP_T + ["database", "databases", "SQL", "CockroachDB", "Cloud SQL"]),
    # --- cloud
    "Oracle Cloud Infrastructure": ctx(["OCI"], near=["Oracle", "cloud", "AWS", "Azure", "GCP", "Oracle Cloud"]),
    "AWS CDK": ctx(["CDK"], near=AWS_T + ["TypeScript", "infrastructure as code", "IaC", "Terraform"]),
    "AWS Amplify": ctx(["Amplify"], near=AWS_T + ["React", "AppSync", "Cognito", "frontend", "mobile"]),
    "Amazon Kendra": ctx(["Kendra"], near=AWS_T + ["search", "enterprise search", "RAG"]),
    "Amazon Athena": ctx(["Athena"], near=AWS_T + ["SQL", "Presto", "Trino", "query", "queries", "data lake",
                                                   "Parquet", "QuickSight"]),
    "AWS Glue": ctx(["Glue", "Glue ETL"], near=AWS_T + ["ETL", "Spark", "PySpark", "data catalog", "crawlers",
                                                        "Data Catalog", "Airflow", "pipelines", "Step Functions",
                                                        "Lake Formation", "Python"]),
    "AWS Lambda": ctx(["Lambda", "Lambda functions", "Lambdas"], near=AWS_T + ["functions", "API", "APIs", "Python",
                                                                    "Node.js", "Node", "TypeScript", "Go",
                                                                    "DynamoDB", "event-driven", "microservices",
                                                                    "Azure Functions", "Cloud Functions"]),
    "Amazon EMR": ctx(["EMR"], near=AWS_T + ["Spark", "Hadoop", "Hive", "Presto", "PySpark", "big data", "HBase",
                                             "Flink", "cluster", "clusters", "Databricks", "Dataproc", "HDInsight"],
                      not_near=["medical records", "electronic medical", "patient", "patients", "clinical",
                                "EHR", "health records", "Epic", "Cerner", "HL7", "FHIR", "healthcare", "hospital",
                                "LIS", "RIS", "PACS"]),
    "Amazon ECS": ctx(["ECS"], near=AWS_T),
    "Amazon EKS": ctx(["EKS"], near=AWS_T + ["Kubernetes", "K8s", "Helm", "AKS", "GKE"]),
    "Amazon ECR": ctx(["ECR"], near=AWS_T),
    "Amazon RDS": ctx(["RDS"], near=AWS_T + ["SQL", "Postgres", "Oracle", "SQL Server", "MariaDB"]),
    "Amazon Bedrock": ctx(["Bedrock", "Bedrock Agents"], near=AWS_T + LLM_T),
    "Amazon S3 Glacier": ctx(["Glacier"], near=AWS_T + ["archival", "archive", "storage"]),
    "Microsoft Fabric": ctx(["Fabric"], near=AZURE_T),
    "Azure Synapse Analytics": ctx(["Synapse", "Synapse Analytics"], near=AZURE_T + ["SQL", "data lake",
                                                                                    "Snowflake", "Redshift",
                                                                                    "BigQuery", "ETL"]),
    "Google Cloud Dataflow": ctx(["Dataflow"], near=GCP_T + ["Apache Beam", "Flink", "Spark", "streaming",
                                                            "Kafka", "AWS", "Azure", "Airflow"]),
    "Bicep": ctx(["Bicep"], near=["Azure", "ARM", "ARM templates", "Terraform", "IaC", "infrastructure as code",
                                  "Pulumi", "CloudFormation"]),
    "Amazon API Gateway": ctx(["API Gateway"], near=AWS_T),
    "Amazon VPC": ctx(["VPC", "VPCs"], near=AWS_T + ["networking", "subnets", "security groups", "GCP", "Azure"]),
    # --- mlops
    "Soda": ctx(["Soda"], near=["data quality", "Great Expectations", "dbt", "data observability", "Monte Carlo",
                                "Airflow", "data contracts", "SodaCL"]),
    "Prodigy": ctx(["Prodigy"], near=["spaCy", "annotation", "labeling", "labelling", "NLP", "Label Studio",
                                      "active learning", "Explosion"]),
    "NVIDIA NIM": ctx(["NIM"], near=["NVIDIA", "inference", "Triton", "TensorRT", "LLM", "LLMs", "microservices",
                                     "NeMo", "GPU", "GPUs"]),
    "Chalk": ctx(["Chalk"], near=["feature store", "feature stores", "Tecton", "Feast", "features", "MLOps",
                                  "real-time features"]),
    "Feast": ctx(["Feast"], near=["feature store", "feature stores", "features", "Tecton", "MLOps", "ML",
                                  "Hopsworks", "MLflow", "Kubeflow", "Redis", "online features"]),
    "Great Expectations": ctx(["Great Expectations"], near=["data quality", "dbt", "Airflow", "data validation",
                                                            "pipelines", "Spark", "Python", "testing", "Soda",
                                                            "Monte Carlo", "data observability", "pandas"]),
    "Axolotl": ctx(["Axolotl"], near=["fine-tuning", "LLM", "LLMs", "LoRA", "QLoRA", "Unsloth", "TRL",
                                      "DeepSpeed", "torchtune"]),
    "Vellum": ctx(["Vellum"], near=["LLM", "LLMs", "prompt", "prompts", "evaluation", "Humanloop", "LangSmith"]),
    "Text Generation Inference": ctx(["TGI"], near=["LLM", "LLMs", "inference", "vLLM", "Hugging Face",
                                                    "serving", "TensorRT-LLM", "SGLang", "Triton"]),
    "Ray Tune": None,
    # --- tools
    "Slack": ctx(["Slack"], near=["Jira", "Confluence", "Zoom", "Teams", "Notion", "Google Workspace", "GitHub",
                                  "Asana", "Linear", "Trello", "integrations", "bots", "bot"]),
    "Notion": ctx(["Notion"], near=["Jira", "Confluence", "Asana", "Slack", "Linear", "Trello", "Google Docs",
                                    "Airtable", "Figma", "Miro", "Coda"]),
    "Asana": ctx(["Asana"], near=["Jira", "Trello", "project management", "Notion", "Slack", "Monday",
                                  "Smartsheet", "Confluence", "Linear"]),
    "Confluence": ctx(["Confluence"], near=["Jira", "JIRA", "Atlassian", "documentation", "wiki", "Bitbucket",
                                            "Git", "Agile", "Slack", "SharePoint", "Trello", "GitHub", "Notion"]),
    "Microsoft Word": ctx(["Word"], near=OFFICE),
    "Microsoft Publisher": ctx(["Publisher"], near=OFFICE),
    "Outlook": ctx(["Outlook"], near=OFFICE),
    "Keynote": ctx(["Keynote"], near=OFFICE + ["Mac", "Apple", "presentation", "presentations", "Pages"]),
    "Excel": ctx(["Excel", "EXCEL"], nf=["at", "in this", "in a", "in an", "in your", "in our", "in the"]),
    "uv": ctx(["uv"], near=["Python", "pip", "Poetry", "conda", "package", "packages", "packaging", "virtualenv",
                            "Ruff", "pyproject", "dependency", "dependencies"]),
    "Rollup": ctx(["Rollup"], near=FE_BUILD_T),
    "Prettier": ctx(["Prettier"], near=["ESLint", "JavaScript", "TypeScript", "linting", "linters", "formatting",
                                        "Husky", "Jest", "webpack"]),
    "Harness": ctx(["Harness"], near=["CI/CD", "Jenkins", "deployment", "deployments", "Spinnaker", "pipelines",
                                      "Argo CD", "GitHub Actions", "CircleCI", "feature flags"]),
    "Chef": ctx(["Chef"], near=DEVOPS_T),
    "Puppet": ctx(["Puppet"], near=DEVOPS_T),
    "Packer": ctx(["Packer"], near=DEVOPS_T + ["AMI", "AMIs", "Vagrant", "images", "VMware"]),
    "Vagrant": ctx(["Vagrant"], near=DEVOPS_T + ["VirtualBox", "VM", "VMs", "Packer", "VMware"]),
    "Helm": ctx(["Helm"], near=["Kubernetes", "K8s", "charts", "Docker", "Kustomize", "Argo", "Argo CD",
                                "Terraform", "EKS", "AKS", "GKE", "manifests", "OpenShift", "Rancher", "Flux"]),
    "Loki": ctx(["Loki"], near=["Grafana", "Prometheus", "logging", "logs", "Tempo", "observability", "Promtail",
                                "Kubernetes", "ELK"]),
    "Honeycomb": ctx(["Honeycomb"], near=["observability", "tracing", "OpenTelemetry", "Datadog", "New Relic",
                                          "monitoring", "Grafana"]),
    "Jaeger": ctx(["Jaeger"], near=["tracing", "OpenTelemetry", "Zipkin", "observability", "Prometheus", "Grafana",
                                    "distributed tracing"]),
    "Maple": ctx(["Maple"], near=["Mathematica", "MATLAB", "symbolic", "Maplesoft", "computer algebra"]),
    "FICO Xpress": ctx(["Xpress"], near=OPT_T),
    "Isabelle": ctx(["Isabelle"], near=["Coq", "Rocq", "proof", "proofs", "formal", "HOL", "Lean", "theorem",
                                        "verification", "Agda"]),
    "ImageJ": ctx(["Fiji"], near=["ImageJ", "microscopy", "image analysis", "CellProfiler", "imaging"]),
    "Schrödinger Suite": ctx(["Schrodinger", "Schrödinger"], near=["drug", "docking", "molecular", "Glide",
                                                                  "Maestro", "computational chemistry", "MOE",
                                                                  "free energy", "FEP", "modeling"]),
    "Rosetta": ctx(["Rosetta"], near=["protein", "proteins", "PyRosetta", "structure", "modeling", "design",
                                      "AlphaFold", "docking", "molecular"]),
    "BLAST": ctx(["BLAST"], near=["sequence", "sequences", "alignment", "genomics", "NCBI", "bioinformatics",
                                  "DNA", "protein", "BWA", "Bowtie", "samtools"]),
    "Bowtie": ctx(["Bowtie"], near=["BWA", "alignment", "sequencing", "RNA-seq", "genomics", "samtools",
                                    "STAR", "HISAT2", "reads"]),
    "Unicorn": ctx(["Unicorn", "UNICORN"], near=["chromatography", "ÄKTA", "AKTA", "purification", "Cytiva",
                                                 "protein", "FPLC", "method development", "columns",
                                                 "WAVE Bioreactor", "bioreactor", "recombinant"]),
    "LUCID keys": ctx(["LUCID"], near=["taxonomic", "taxonomy", "keys", "identification", "species", "specimens",
                                       "MAGPIX", "metabarcoding", "DNA barcoding"]),
    "dbt": ctx(["DBT"], near=["Snowflake", "SQL", "Airflow", "data", "BigQuery", "Redshift", "Fivetran",
                              "Looker", "warehouse", "Databricks", "Dagster", "ELT", "Mode Analytics", "Census"]),
    "Toad": ctx(["Toad"], near=["Oracle", "SQL", "PL/SQL", "SQL Developer", "database", "DBA"]),
    "Erwin": ctx(["Erwin"], near=["data modeling", "data modelling", "ER/Studio", "data model", "data models",
                                  "ERD", "dimensional modeling", "Visio"]),
    "BIDS": ctx(["BIDS"], near=["SSIS", "SSRS", "SSAS", "SQL Server", "Visual Studio", "Business Intelligence",
                                "ETL", "SSDT"]),
    "Markdown": ctx(["Markdown"], near=["documentation", "Git", "GitHub", "HTML", "LaTeX", "Jupyter", "docs",
                                        "MkDocs", "R Markdown", "Sphinx", "writing"]),
    "Cursor": ctx(["Cursor"], near=["Claude Code", "Copilot", "GitHub Copilot", "AI", "IDE", "coding",
                                    "VS Code", "Windsurf", "agentic", "LLM", "LLMs", "AI-assisted", "tools",
                                    "Codex", "Claude", "agents"]),
    "OpenAI Codex": ctx(["Codex"], near=["OpenAI", "AI", "coding", "Copilot", "Claude", "Claude Code", "LLM",
                                         "Cursor", "agents", "agentic", "GPT"]),
    "Windsurf": ctx(["Windsurf"], near=["Cursor", "Copilot", "AI", "IDE", "coding", "Claude Code", "Codeium"]),
    "Poetry": ctx(["Poetry"], near=["Python", "pip", "conda", "packaging", "dependency", "dependencies", "uv",
                                    "virtualenv", "pyproject", "setuptools", "Pipenv"]),
    "Maven": ctx(["Maven"], near=["Java", "Gradle", "Jenkins", "Spring", "build", "Ant", "JUnit", "Nexus",
                                  "Artifactory", "Git", "SVN", "Scala", "Kotlin"]),
    "SWC": ctx(["SWC"], near=FE_BUILD_T),
    "Sphinx": ctx(["Sphinx"], near=["documentation", "Python", "docs", "reStructuredText", "MkDocs", "Read the Docs",
                                    "docstrings"]),
    "Postman": ctx(["Postman"], near=["API", "APIs", "REST", "testing", "Swagger", "Insomnia", "OpenAPI",
                                      "SoapUI", "JSON", "GraphQL"]),
    "Insomnia": ctx(["Insomnia"], near=["API", "APIs", "Postman", "REST", "GraphQL", "Swagger"]),
    "Locust": ctx(["Locust"], near=LOADTEST_T),
    "k6": ctx(["k6"], near=LOADTEST_T),
    "Gatling": ctx(["Gatling"], near=LOADTEST_T),
    "Fortify": ctx(["Fortify"], near=["SAST", "security", "Checkmarx", "Veracode", "SonarQube", "static analysis",
                                      "scanning", "vulnerabilities", "Snyk"]),
    "HashiCorp Vault": ctx(["Vault"], near=["HashiCorp", "secrets", "Terraform", "Consul", "Kubernetes",
                                            "secrets management", "Nomad", "PKI", "Packer", "Keycloak"]),
    "Open Policy Agent": ctx(["OPA"], near=DEVOPS_T),
    "OPA Gatekeeper": ctx(["Gatekeeper"], near=["OPA", "Kubernetes", "K8s", "policy", "policies", "Kyverno",
                                                "admission", "Rego", "Open Policy Agent"]),
    "Bamboo": ctx(["Bamboo"], near=["Jenkins", "Atlassian", "CI", "CI/CD", "Bitbucket", "Jira", "build", "builds",
                                    "TeamCity", "Confluence", "Git", "Maven", "Gradle", "deployment"]),
    "Adobe Illustrator": ctx(["Illustrator"], near=["Photoshop", "Adobe", "InDesign", "Figma", "design",
                                                    "Sketch", "Creative Suite", "After Effects"]),
    "CVS": ctx(["CVS"], near=VC_T),
    "RCS": ctx(["RCS"], near=VC_T),
    "Gaussian (software)": None,
    # --- bi tools
    "Hex": ctx(["Hex"], near=["SQL", "notebook", "notebooks", "Python", "analytics", "Mode", "Looker", "dbt",
                              "Snowflake", "Tableau", "BigQuery", "Jupyter", "Deepnote", "Metabase"]),
    "Heap": ctx(["Heap"], near=ANALYTICS_T),
    "Amplitude": ctx(["Amplitude"], near=ANALYTICS_T),
    "Flourish": ctx(["Flourish"], near=["Datawrapper", "visualization", "visualisation", "charts", "Tableau",
                                        "data journalism", "Infogram", "D3"]),
    # --- data formats
    "Apache Iceberg": ctx(["Iceberg"], near=["Parquet", "Spark", "Trino", "Delta", "Delta Lake", "Hudi",
                                             "lakehouse", "table format", "Snowflake", "Flink", "Athena",
                                             "data lake", "Glue", "Dremio", "Presto", "AWS"]),
    "Feather": ctx(["Feather"], near=["Arrow", "Parquet", "pandas", "HDF5", "CSV", "file format", "file formats"]),
    "pickle": ctx(["pickle"], near=["Python", "serialization", "joblib", "JSON", "files", "model"]),
    # --- standards
    "GLP": ctx(["GLP"], nf=["-1", "1", "‑1", "-2", "agonist", "agonists"]),
    "CPT": ctx(["CPT", "CPT codes"], near=MED_CODE_T),
    # --- models
    "Claude": ctx(["Claude"], near=LLM_T + ["Claude Code", "Sonnet", "Opus"]),
    "Google Gemini": ctx(["Gemini"], near=LLM_T + ["Google", "DeepMind", "Vertex AI"]),
    "Grok": ctx(["Grok"], near=LLM_T + ["xAI"]),
    "Cohere": ctx(["Cohere"], near=LLM_T),
    "T5": ctx(["T5"], near=["BERT", "transformer", "transformers", "model", "models", "NLP", "LLM", "LLMs",
                            "Hugging Face", "GPT", "BART", "RoBERTa", "fine-tuning", "seq2seq", "language models"]),
    "Whisper": ctx(["Whisper"], near=["speech", "ASR", "audio", "transcription", "OpenAI", "model", "models",
                                      "speech recognition", "speech-to-text", "wav2vec", "TTS", "voice"]),
    "Gemma": ctx(["Gemma"], near=LLM_T + ["Google", "Llama", "Mistral", "Qwen", "Phi"]),
    "Sora": ctx(["Sora"], near=["OpenAI", "video", "generative", "Runway", "diffusion", "text-to-video", "Veo",
                                "DALL-E", "Midjourney"]),
    "Mistral": ctx(["Mistral"], near=LLM_T + ["Llama", "Qwen", "Mixtral", "Gemma", "Hugging Face"]),
    # --- methods
    "retrieval-augmented generation": ctx(["RAG"], near=LLM_T + ["retrieval", "vector", "vector database",
                                                                "vector databases", "search", "LangChain",
                                                                "LlamaIndex", "semantic", "knowledge base",
                                                                "pipelines", "chunking", "reranking", "Pinecone"]),
    "latent Dirichlet allocation": ctx(["LDA"], near=["topic", "topics", "topic modeling", "topic modelling", "text",
                                                     "NLP", "documents", "clustering", "word2vec", "TF-IDF",
                                                     "embeddings", "natural language", "Gensim", "NMF", "LSA",
                                                     "text mining", "unsupervised"]),
    "direct preference optimization": ctx(["DPO"], near=RL_T),
    "proximal policy optimization": ctx(["PPO"], near=RL_T),
    "model predictive control": ctx(["MPC"], near=["control", "controls", "robotics", "optimization", "process control",
                                                   "dynamics", "PID", "trajectory", "LQR", "Kalman", "autonomous",
                                                   "vehicle", "controllers", "system identification"]),
    "exploratory data analysis": ctx(["EDA"], near=["data", "analysis", "Python", "pandas", "statistics",
                                                    "visualization", "visualisation", "SQL", "features",
                                                    "feature engineering", "Jupyter", "R", "modeling", "datasets",
                                                    "insights", "machine learning"],
                                     not_near=["Cadence", "Synopsys", "RTL", "Verilog", "chip", "semiconductor",
                                               "VLSI", "EDA tools", "silicon", "ASIC"]),
    "design of experiments": ctx(["DOE", "DoE"], near=["experiment", "experiments", "experimental", "statistics",
                                                      "statistical", "factorial", "JMP", "Minitab", "design",
                                                      "response surface", "optimization", "process development",
                                                      "ANOVA", "Six Sigma"]),
    "marketing attribution": ctx(["attribution", "attribution models"],
                                 near=["marketing", "media", "channel", "channels", "campaign", "campaigns",
                                       "conversion", "conversions", "ads", "advertising", "multi-touch", "MMM",
                                       "incrementality", "touchpoints", "spend", "acquisition", "Google Analytics"]),
    "mixed integer programming": None,
    # --- areas
    "deep learning": ctx(["DL"], near=ML_T),
    "computer vision": ctx(["CV"], near=VISION_T, nf=["to", "and cover", "/resume", "/ resume", "or resume",
                                                      "and resume", "and a cover", "in English", "in PDF",
                                                      "including", "with", "via", "at", "here", "(", "and portfolio"],
                           np=RESUME_WORDS),
    "information retrieval": ctx(["IR"], near=["search", "retrieval", "ranking", "NLP", "recommender",
                                               "recommendation", "information", "relevance", "query", "queries",
                                               "Lucene", "Elasticsearch", "Solr", "embeddings", "RAG", "LTR",
                                               "search/IR", "machine learning", "ML"],
                                 nf=["spectroscopy", "spectrum", "camera", "cameras", "sensor", "sensors",
                                     "imaging", "35", "team", "department"]),
    "reinforcement learning": ctx(["RL"], near=RL_T),
    "search engine marketing": ctx(["SEM"], near=["SEO", "marketing", "Google Ads", "PPC", "paid search",
                                                   "advertising", "digital marketing", "AdWords", "campaigns",
                                                   "paid media", "social media", "display"]),
    "anti-money laundering": ctx(["AML"], near=["KYC", "fraud", "compliance", "financial crime", "transaction",
                                                "transactions", "sanctions", "banking", "bank", "BSA", "risk",
                                                "payments", "fintech", "monitoring"]),
    "augmented reality": ctx(["AR", "AR/VR"], near=AR_VR_T),
    "knowledge graphs": ctx(["KG"], near=["knowledge graph", "graph", "graphs", "ontology", "ontologies", "RDF",
                                          "entities", "entity", "LLM", "LLMs", "RAG", "SPARQL", "Neo4j",
                                          "embeddings", "reasoning", "semantic"]),
    "machine learning": None,
    # --- practices
    "Extreme Programming": ctx(["XP"], near=["Agile", "Scrum", "TDD", "pair programming", "Kanban",
                                             "software development", "Lean", "test-driven", "continuous integration",
                                             "refactoring"]),
    "Lean": ctx(["Lean"], near=["Six Sigma", "Agile", "Kanban", "process improvement", "manufacturing",
                                "continuous improvement", "Scrum", "Kaizen", "methodology", "methodologies",
                                "waste", "value stream", "Waterfall", "SAFe", "DMAIC", "operational excellence",
                                "XP", "Extreme Programming"],
                 nf=["team", "teams", "startup", "organization", "and mean", "budget", "times", "manner",
                     "staff", "structure", "org"]),
    "Waterfall": ctx(["Waterfall"], near=["Agile", "Scrum", "SDLC", "methodology", "methodologies",
                                          "project management", "Kanban", "software development", "Lean",
                                          "lifecycle", "hybrid"],
                     nf=["chart", "charts", "plot", "plots"]),
    "business process modeling": ctx(["BPM"], near=["business process", "business processes", "BPMN", "workflow",
                                                    "workflows", "process", "processes", "Camunda", "Pega",
                                                    "Appian", "process improvement"]),
    # --- lab techniques
    "gas chromatography": ctx(["GC"], near=SPECTRO_T),
    "LAMP": ctx(["LAMP"], near=["PCR", "qPCR", "RT-PCR", "assay", "assays", "ELISA", "amplification", "isothermal",
                                "diagnostics", "molecular", "DNA", "RNA", "pathogen", "detection", "MinION",
                                "sequencing", "primers", "Western"]),
    "PVM": ctx(["PVM"], near=PAT_T),
}

# Academic subjects double as skills ("knowledge of statistics") and as degree
# subjects ("BS in Statistics, Mathematics or a related field"); LABELS.md
# excludes degree subjects, so the bare subject name is refused near degree words.
DEGREE_T = ["degree", "degrees", "Bachelor", "Bachelors", "Bachelor's", "Bachelor’s", "Master", "Masters",
            "Master's", "Master’s", "BS", "BA", "MS", "MSc", "BSc", "B.S.", "M.S.", "B.A.", "PhD", "Ph.D",
            "Ph.D.", "doctorate", "doctoral", "major", "related field", "related fields", "quantitative field",
            "quantitative fields", "technical field", "scientific field", "related discipline",
            "quantitative discipline", "or related", "or equivalent"]
SUBJECTS: dict[str, list[str]] = {
    "statistics": ["statistics"], "operations research": ["operations research", "operational research",
                                                          "management science"],
    "bioinformatics": ["bioinformatics"], "genetics": ["genetics"], "biochemistry": ["biochemistry"],
    "immunology": ["immunology"], "econometrics": ["econometrics"], "molecular biology": ["molecular biology"],
    "public health": ["public health"], "computational biology": ["computational biology"],
    "neuroscience": ["neuroscience"], "cell biology": ["cell biology"], "cancer biology": ["cancer biology"],
    "actuarial science": ["actuarial science"], "computational linguistics": ["computational linguistics"],
    "applied statistics": ["applied statistics"], "biophysics": ["biophysics"],
    "quantitative finance": ["quantitative finance"], "analytical chemistry": ["analytical chemistry"],
    "organic chemistry": ["organic chemistry"], "epidemiology": ["epidemiology"],
    "biostatistics": ["biostatistics"], "business analytics": ["business analytics"],
    "data analytics": ["data analytics"], "accounting": ["accounting"],
    "marketing analytics": ["marketing analytics"],
    "quantitative research": ["quantitative research", "quantitative analysis", "quantitative methods"],
}
for _name, _forms in SUBJECTS.items():
    assert _name not in CONTEXT, _name
    CONTEXT[_name] = ctx(_forms, not_near=DEGREE_T, window=80)

# "data science" is mostly the job's own field ("experience in data science",
# "Head of Data Science", "data science solutions"); it is an ask only when
# listed among sibling skills ("Data Engineering, Data Science, Machine Learning").
CONTEXT["data science"] = ctx(
    ["data science"],
    near=["machine learning", "statistics", "data engineering", "data analytics", "data analysis",
          "data visualization", "bioinformatics", "data mining", "artificial intelligence", "AI", "deep learning",
          "predictive modeling", "data management", "analytics", "ML", "modeling", "software engineering"],
    not_near=DEGREE_T + ["courses", "coursework", "discipline", "subjects", "experts"],
    window=40,
    nf=["toolkits", "toolkit", "models", "techniques", "approaches", "problems", "domain", "team", "teams", "solutions", "solution", "program", "programs", "programming", "tools", "methods",
        "methodologies", "applications", "projects", "project", "efforts", "group", "department", "assets",
        "platform", "platforms", "products", "product", "capabilities", "initiatives", "work", "roles",
        "community", "practice", "function", "organization", "experience", "professional", "leader"],
    np=["in", "of", "for", "to", "at", "our", "the", "your", "within", "degree in", "PhD in", "apply", "applying"])
# Bare "programming languages" is a stand-in for the languages named next to it
# (which are the labelled skills); as a research area it sits with compilers.
CONTEXT["programming languages"] = ctx(
    ["programming languages"],
    near=["compilers", "compiler", "type systems", "type theory", "formal methods", "verification",
          "semantics", "language design", "PL research"], window=100)
# Bare "optimization" is mostly a verb noun ("funnel optimization", "process
# optimization", "database optimization"); accept it among modelling methods.
CONTEXT["mathematical optimization"] = ctx(
    ["optimization", "optimisation"],
    near=["linear programming", "integer programming", "mixed integer", "solver", "solvers", "Gurobi", "CPLEX",
          "operations research", "convex", "stochastic", "simulation", "machine learning", "statistics",
          "statistical", "mathematical", "Bayesian", "regression", "predictive modeling", "time series",
          "forecasting", "heuristics", "econometrics", "data mining", "neural networks", "classification",
          "clustering", "regularization", "dimension reduction", "dimensionality reduction", "causal inference",
          "ranking", "Experiment Design", "natural language processing", "SVM", "probability"],
    window=60,
    nf=["of", "projects", "opportunities", "efforts", "initiatives", "strategies", "programs"],
    np=["database", "query", "funnel", "process", "performance", "cost", "campaign", "conversion", "lead",
        "web", "SEO", "search engine", "site", "code", "website", "revenue", "price", "pricing", "inventory",
        "supply chain", "marketing", "media", "spend", "budget", "bid", "yield", "resource", "the", "and",
        "drive", "for"])

# A field name used as a modifier ("data analytics solutions", "GenAI
# initiatives", "System Design interview", "software development company")
# names a business, a product or a step, not something the hire must know.
MODIFIED_NOUNS = ["solutions", "solution", "capabilities", "support", "services", "firm", "company", "companies",
                  "industry", "space", "spaces", "efforts", "initiatives", "initiative", "projects", "project",
                  "programs", "program", "needs", "interview", "interviews", "specifications", "specification",
                  "platform", "platforms", "layer", "layers", "resources", "agents", "lifecycle", "lifecycles",
                  "tasks", "phase", "phases", "experts", "professionals", "materials", "recruitment",
                  "required", "and dissemination", "frontier",
                  # an organisational noun names a team, a business or a job ("Information
                  # Security team", "cybersecurity startup", "Product Management staff")
                  "team", "teams", "group", "department", "staff", "startup", "startups", "firms", "products",
                  "vendor", "vendors", "consulting", "engineer", "engineers", "manager", "managers",
                  "analyst", "analysts", "role", "roles", "activities", "discipline"]
MODIFIER_GOVERNED: dict[str, list[str]] = {
    "data analysis": ["data analysis"], "software engineering": ["software engineering"],
    "quality assurance": ["quality assurance", "QA"],
    "software development": ["software development"],
    "data engineering": ["data engineering"], "data infrastructure": ["data infrastructure"],
    "data acquisition": ["data acquisition"], "data extraction": ["data extraction"],
    "generative AI": ["generative AI", "GenAI", "Gen AI"], "AI infrastructure": ["AI infrastructure", "AI infra"],
    "big data": ["big data"], "artificial intelligence": ["artificial intelligence"],
    "computer security": ["cybersecurity", "cyber security", "information security"],
    "systems engineering": ["systems engineering"], "clinical trials": ["clinical trials", "clinical trial"],
}
for _name, _forms in MODIFIER_GOVERNED.items():
    assert _name not in CONTEXT, _name
    CONTEXT[_name] = ctx(_forms, nf=MODIFIED_NOUNS, not_near=DEGREE_T, window=80)
CONTEXT["data analytics"]["not_followed_by"] = MODIFIED_NOUNS

# An umbrella term followed by its examples ("statistical software (e.g. R,
# SAS)", "databases such as Snowflake", "orchestration tools (e.g. Airflow)")
# stands for the named products, which are the skills; a product name right
# before it ("MySQL databases") likewise makes it redundant.
EXAMPLES_FOLLOW = ["such as", "like", "(", "e.g.", "e.g", "eg.", "i.e.", "including", ":", "–", "—"]
UMBRELLA_GOVERNED: dict[str, list[str]] = {
    "statistical software": ["statistical software", "statistical packages", "statistical software packages"],
    "orchestration": ["orchestration"],
    "containerization": ["containers", "container technologies"],
    "ML frameworks": ["machine learning frameworks", "deep learning frameworks", "ML frameworks"],
}
for _name, _forms in UMBRELLA_GOVERNED.items():
    assert _name not in CONTEXT, _name
    CONTEXT[_name] = ctx(_forms, nf=EXAMPLES_FOLLOW)
CONTEXT["databases"] = ctx(
    ["databases"], nf=EXAMPLES_FOLLOW,
    np=["MySQL", "Oracle", "SQL Server", "PostgreSQL", "Postgres", "Teradata", "Access", "similar", "other",
        "claims", "company", "client", "customer", "internal", "production", "comprehensive", "NoSQL", "graph",
        "vector", "SQL", "Hbase", "Mongo", "MongoDB", "structured"])
# Bare "orchestration" also names what an AI product does ("AI orchestration",
# "tool-use + orchestration"); the tool beside it (Airflow, Kubernetes) is the skill.
CONTEXT["orchestration"]["not_near_any"] = ["Airflow", "Kubernetes", "Dagster", "Prefect", "Luigi", "Argo",
                                            "AI", "agents", "LLM", "LLMs", "models", "inference"]
CONTEXT["orchestration"]["window"] = 80
# "underwriting" alone is the employer's business ("Head of Underwriting",
# "our automated underwriting"); the skill is asked for with a qualifier.
CONTEXT["insurance underwriting"] = ctx(
    ["underwriting"], near=["insurance", "actuarial", "risk", "credit", "policy", "policies", "claims"],
    window=60, np=["of", "our", "the", "and", "automated", "'s", "’s", ","],
    nf=["technologies", "criteria", "more", "and", ",", "spaces", "team", "decisions"])
# "scalability" as a quality of the system ("performance and scalability",
# "for greater scalability") is not a skill.
CONTEXT["scalability"] = ctx(["scalability"], np=[",", "and", "for", "greater", "their", "its", "affordable",
                                                   "ensure", "performance", "reliability"],
                              nf=[",", "and", "of", "."])

# Bare "frontend" / "backend" / "full-stack" in a list of roles or teams
# ("Software Engineers (SRE, backend, full-stack, mobile)", "Node.js for the
# backend") name a job or a tier, not a skill; as an ask they head a phrase
# ("full-stack experience", "backend development").
# The same words are no ask either as the label of a stack line or a roles list ("Backend:
# Golang, PostgreSQL", "- Frontend: https://..."), as the company's own tier ("our backend
# ingests ...", "its backend"), or as the two tiers a product spans ("ship features across
# frontend and backend", "front-end, back-end and full stack developers"); the dev labels
# take none of these (taxonomy 2026.11.5).
_TIERS = ["frontend", "front-end", "backend", "back-end"]
STACK_LIST_NP = [",", "(", "/", "the", "+", "&", "a", "our", "its", "their",
                 *[f"{t} and" for t in _TIERS], *[f"{t}, and" for t in _TIERS]]
STACK_LIST_NF = [",", ")", "+", "&", "people", "generalists", "generalist", "teams", "team", "tools", "UI", ":",
                 *[f"and {t}" for t in _TIERS]]
for _name, _forms in {
    "frontend development": ["Frontend", "front-end"],
    "backend development": ["backend", "back-end"],
    "full-stack development": ["Full-stack", "fullstack", "full-stack development"],
}.items():
    assert _name not in CONTEXT, _name
    CONTEXT[_name] = ctx(_forms, np=STACK_LIST_NP, nf=STACK_LIST_NF)

# "fine-tune operations / offers / queries", "fine tuning those systems": the English verb,
# not model fine-tuning, which is asked for next to a model word.
assert "fine-tuning" not in CONTEXT
CONTEXT["fine-tuning"] = ctx(
    ["fine-tuning", "finetuning", "fine-tune"],
    near=["LLM", "LLMs", "model", "models", "transformer", "transformers", "BERT", "LoRA", "QLoRA", "PEFT",
          "GPT", "Llama", "pretrained", "pre-trained", "foundation", "neural", "deep learning",
          "machine learning", "ML", "AI", "RLHF", "SFT", "Hugging Face", "PyTorch", "embeddings", "NLP",
          "language model", "language models", "training", "weights", "checkpoints", "diffusion", "VLM",
          "VLMs", "post-training", "distillation", "RAG", "inference", "prompting", "prompt engineering"],
    window=100,
    nf=["queries", "query", "offers", "operations", "processes", "process", "performance", "those", "existing",
        "business", "strategies", "campaigns", "systems", "databases", "SQL", "our"])
# "data summarization", "variable transformation and summarization": describing data, not
# text summarization, which comes with language words.
assert "text summarization" not in CONTEXT
CONTEXT["text summarization"] = ctx(
    ["summarization", "summarisation"],
    near=["NLP", "natural language", "language", "text", "texts", "LLM", "LLMs", "document", "documents",
          "abstractive", "extractive", "transformer", "transformers", "generation", "classification", "entity",
          "translation", "question answering", "GPT", "BERT", "chatbot", "RAG", "sentiment", "speech",
          "conversation", "conversations", "notes", "AI", "model", "models", "NER", "tagging", "retrieval"],
    window=100, np=["data", "statistical", "numerical", "descriptive"])

# "CAD" is also the Canadian dollar in salary lines ("$142,700 - $214,100 CAD").
# "Large Scale AI", "Enterprise-Scale AI": a size in title case (taxonomy 2026.11.9).
CONTEXT["Scale AI"] = ctx(["Scale AI"], np=["large", "small", "enterprise", "mission", "-"])
# (2026.11.9: also beside "pay" or "equity": "$140-170K CAD + performance pay + earned equity")
CONTEXT["CAD"] = ctx(["CAD"], not_near=["pay range", "salary", "compensation", "USD", "base pay", "per year",
                                        "annually", "OTE", "per annum", "EUR", "GBP", "pay", "equity"], window=80)
# Bare "geospatial" describing data or a product ("geospatial data", "our
# Geospatial database", "geospatial AI infrastructure") is not GIS as a skill.
CONTEXT["GIS"] = ctx(["geospatial"], nf=["data", "database", "databases", "AI", "infrastructure", "imagery",
                                         "intelligence", ","])

# "embedded in the team", "embedded within product squads": a way of working.
CONTEXT["embedded systems"] = ctx(["embedded"], nf=["in", "within", "with", "into", "on", "across", "at", "as",
                                                    "alongside", "directly"])

# Common words that are product or field names only in context.
CONTEXT["computer graphics"] = ctx(
    ["rendering"], near=["3D", "graphics", "GPU", "GPUs", "OpenGL", "Vulkan", "WebGL", "WebGPU", "shader",
                         "shaders", "ray tracing", "Unity", "Unreal", "real-time", "geometry", "mesh", "scene"],
    window=100)
CONTEXT["GitHub Copilot"] = ctx(["Copilot"], near=["GitHub", "Cursor", "Claude Code", "coding assistant",
                                                   "coding assistants", "AI coding", "Codex", "Windsurf",
                                                   "AI-assisted", "IDE"], window=100)
CONTEXT["Ruby on Rails"] = ctx(["Rails"], near=["Ruby", "Heroku", "Sidekiq", "ActiveRecord", "Postgres",
                                                "PostgreSQL", "React", "JavaScript", "TypeScript", "web",
                                                "backend", "API", "APIs", "Django", "MVC", "Hotwire"],
                               np=["safety", "guard", "hand", "on the", "off the"])
CONTEXT["embeddings"] = ctx(
    ["embedding"], near=["NLP", "vector", "vectors", "model", "models", "transformer", "transformers", "word",
                         "semantic", "retrieval", "RAG", "LLM", "LLMs", "neural", "representation",
                         "representations", "similarity", "search", "text", "BERT"], window=80,
    nf=["security", "itself", "themselves", "ourselves", "in", "into", "within"])

# "be agile", "stay nimble and agile": the adjective, not the method. So is "agile" coordinated
# with another adjective of a team, a company or a person ("a small, agile and cross-functional
# team", "an agile, dynamic startup environment", "Right attitude (agile, curious, open-minded",
# "being dynamic and agile", "Our open and Agile workspace"; 2026.11.8: dev 1 false gone, read
# extra labels 10 false gone, none right). Method names beside it ("Agile and Waterfall",
# "Agile or Lean approaches", "SDLC, Agile, XP") are no such adjectives.
_AGILE_ADJECTIVES = ["dynamic", "curious", "mobile", "highly", "rapid", "efficient", "cross-functional", "nimble",
                     "flexible", "fast", "fast-paced", "innovative", "collaborative", "creative", "adaptable",
                     "adaptive", "responsive", "open", "small", "entrepreneurial", "proactive"]
CONTEXT["Agile"] = ctx(
    ["Agile"],
    nf=[f"{sep} {adj}" for sep in (",", "and") for adj in _AGILE_ADJECTIVES],
    np=["be", "stay", "stays", "remain", "remains", "more", "very", "highly", "nimble", "fast and", "flexible and",
        "lean and", "nimble and", *(f"{adj}{sep}" for sep in (",", " and") for adj in _AGILE_ADJECTIVES)])
# Bare "warehousing" is also an industry ("Robotics, Warehousing, Transportation").
CONTEXT["data warehousing"] = ctx(["warehousing"], near=["data", "SQL", "ETL", "ELT", "database", "databases",
                                                         "Snowflake", "Redshift", "BigQuery", "analytics",
                                                         "modeling", "OLAP"], window=60)

# In pharma postings "APIs" are active pharmaceutical ingredients.
CONTEXT["APIs"] = ctx(["APIs"], not_near=["drug", "drugs", "pharmaceutical", "GMP", "cGMP", "formulation",
                                          "formulations", "excipients", "excipient", "drug substance",
                                          "drug product", "drug products", "small molecule", "dosage"],
                      window=120)
# --- Not-asks on unseen postings (2026.11.2): company descriptions, product
# pitches, team names, job titles and how-to-apply text.
# "QA" in role lists and URLs ("Mobile QA, Mobile Testing", "remote-quality-assurance-automation-manager",
# "QA Automation Engineers", "isn't just QA"); "high-quality engineering" is not quality engineering.
CONTEXT["quality assurance"]["aliases"] = ["quality assurance", "QA", "quality engineering"]
CONTEXT["quality assurance"]["not_followed_by"] = MODIFIED_NOUNS + ["-", "_", "Automation Engineer",
                                                                     "Automation Engineers", "Automation Manager"]
CONTEXT["quality assurance"]["not_preceded_by"] = ["-", "_", "high", "Mobile", "just"]
CONTEXT["product management"] = ctx(["product management"], nf=MODIFIED_NOUNS + ["and Operations"],
                                    np=["Director,", "Director", "VP,", "VP", "Head of"])

# A company named as an employer, backer, customer or alumnus ("ex-Stripe",
# "backed by founders of Cloudflare", "companies like Apple, Dropbox, Stripe",
# "angels from OpenAI") or heading a Hacker News post ("Cloudflare | Systems
# Engineer | ...") is not a product the hire uses.
COMPANY_MENTION_NEAR = ["founders", "backgrounds from", "founded by", "angels", "investors", "companies like",
                        "customers like", "brands like", "clients like", "trusted by", "used by",
                        "customers include", "alumni", "interim CEO", "rely on us"]
# ... or the subject of the company's own description ("PostHog equips developers",
# "PayPal acquired Chargehound", "PayPal (NASDAQ: PYPL)").
COMPANY_MENTION_NF = ["|", "equips", "makes", "is a", "is an", "is the", "acquired", "(NASDAQ", "(NYSE"]
COMPANY_MENTION_NP = ["ex-", "ex", "@", "founders of", "founder of", "CEO of", "alumni of", "install"]
for _name, _forms in {
    "Stripe": ["Stripe"], "Cloudflare": ["Cloudflare"], "OpenAI API": ["OpenAI"],
    "Anthropic API": ["Anthropic"], "Vercel": ["Vercel"], "Twilio": ["Twilio"], "Datadog": ["Datadog"],
    "Databricks": ["Databricks"], "Snowflake": ["Snowflake"], "MongoDB": ["MongoDB"], "Supabase": ["Supabase"],
    "Figma": ["Figma"], "Shopify": ["Shopify"], "Salesforce": ["Salesforce"], "HubSpot": ["HubSpot"],
    "Hugging Face": ["Hugging Face", "HuggingFace"], "Confluent": ["Confluent"], "Neo4j": ["Neo4j"],
    "Fivetran": ["Fivetran"], "PostHog": ["PostHog"], "Sentry": ["Sentry"], "ClickHouse": ["ClickHouse"],
    "CircleCI": ["CircleCI"], "PayPal": ["PayPal"],
}.items():
    assert _name not in CONTEXT, _name
    CONTEXT[_name] = ctx(_forms, not_near=COMPANY_MENTION_NEAR, window=80, np=COMPANY_MENTION_NP,
                         nf=COMPANY_MENTION_NF)

# GitHub as the place to show your work in how-to-apply text ("email your
# GitHub", "resume/GitHub", "LinkedIn / GitHub / portfolio", "github handle",
# "100k stars on GitHub", github.com links) is not a tool ask; "Git/GitHub" is.
# Nor is GitHub as a comparison ("Think of GitHub but for hardware") or in a
# URL ("the-github-for-...", "GitHub repo: github.com/...").
CONTEXT["GitHub"] = ctx(["GitHub"], not_near=["resume", "résumé", "LinkedIn", "portfolio", "CV", "apply",
                                              "email", "stars"], window=60,
                        np=COMPANY_MENTION_NP + ["your", "our", "link (", "links/", "think", "-", "Think of"],
                        nf=[".com", ".io", "handle", "profile", "profiles", "link", "links", "account",
                            "username", "+ a", "-", "repo", "repos", "PRs"])

# "SRE" in role lists and titles ("Senior DevOps Engineer/SRE", "Software
# Engineers (SRE, data platform, backend)", "SRE Lead", "| SRE |").
CONTEXT["site reliability engineering"] = ctx(
    ["SRE"], np=STACK_LIST_NP + ["|", "•", "Senior", "Staff", "Lead", "Deployed", "AI", "typical", "an", "our"],
    nf=STACK_LIST_NF + ["|", "•", "/", ":", "Lead", "Engineer", "Engineers", "role", "roles", "tools", "team"])

# "debugging" is in nearly every engineering posting as a general ability
# ("strong debugging and problem-solving skills"); the labels list it as a
# skill only with debugger tooling.
CONTEXT["debugging"] = ctx(["debugging"], near=["gdb", "GDB", "LLDB", "debugger", "debuggers", "WinDbg",
                                                "Valgrind", "core dump", "core dumps", "JTAG"], window=80)

# IoT is mostly the industry or the product ("IoT devices", "our IoT
# systems", "the IoT revolution"); as a skill it comes with device protocols.
CONTEXT["Internet of Things"] = ctx(
    ["IoT", "Internet of Things", "IIoT", "industrial IoT"],
    near=["MQTT", "firmware", "embedded systems", "Zigbee", "LoRaWAN", "CoAP", "protocols", "microcontrollers",
          "AWS IoT", "Azure IoT Hub"], window=80)

# "data infrastructure" is usually what the team builds ("building our data
# infrastructure", "Data Infrastructure & AI" as a title); an ask lists it.
CONTEXT["data infrastructure"]["not_preceded_by"] = [
    "our", "the", "its", "their", "build", "building", "built", "develop", "developing", "maintain", "own",
    "owns", "modern", "distributed", "enterprise", "research", "solid", "monitor", "AI-driven",
    ]
CONTEXT["data infrastructure"]["not_followed_by"] = MODIFIED_NOUNS + ["&", "/", "Performance", "in", "that",
                                                                       "at", "should", "skills"]

# "accounting" is mostly the employer's business or a department ("automating
# enterprise accounting and tax", "Finance Manager - Corporate & Accounting");
# the skill comes with its siblings (auditing, internal controls, GAAP).
CONTEXT["accounting"] = ctx(["accounting"],
                            near=["auditing", "audit", "internal controls", "GAAP", "IFRS", "financial reporting",
                                  "bookkeeping", "reconciliation", "reconciliations", "CPA", "accounts payable",
                                  "accounts receivable", "general ledger"],
                            not_near=DEGREE_T, window=80, nf=["&", "firms", "firm", "software"])

# "messy real-world data" is a description, not the pharma data source (RWD).
CONTEXT["real-world data"] = ctx(
    ["real-world data", "Real-World Data", "real-world evidence"],
    near=["claims", "EHR", "EHRs", "EMR", "electronic health records", "electronic medical records", "registries",
          "registry", "RWE", "RWD", "observational", "pharmacoepidemiology", "HEOR", "outcomes research",
          "payer", "epidemiology", "health outcomes", "clinical"], window=100,
    np=["messy", "complex,", "oodles of", "on", "by"], nf=["-", "+", "sets", "."])

# Clinical trials as the employer's pipeline ("enrolling patients in our first
# clinical trial", "for use in clinical trials", "Clinical Trial clients").
CONTEXT["clinical trials"]["not_preceded_by"] = ["our", "first", "assigned", "every", "use in", "new",
                                                 "Solutions,"]
CONTEXT["clinical trials"]["not_followed_by"] = MODIFIED_NOUNS + ["operations", "clients", "biospecimen",
                                                                   "across", "during"]

# "X Robotics | ..." heading a post, "Berkeley Robotics PhDs": company and degree names.
CONTEXT["robotics"] = ctx(["robotics", "Robotics"], nf=["|", "PhDs", "PhD", "Is Hiring", ", the", "and physical AI"])

# Simulation as the company's product ("simulation platform", "strategy
# simulation engine", "We simulate materials", "Scorecard builds simulation
# environments").
CONTEXT["simulation"] = ctx(["simulation", "simulations", "simulate"],
                            nf=["engine", "engines", "platform", "platforms", "tooling"],
                            np=["we", "builds"])

# "organizational orchestration", "Journey orchestration", "agentic
# orchestration layer", "model orchestration" are not workflow tools.
CONTEXT["orchestration"]["not_near_any"] += ["agent", "agentic", "Agentic", "model", "journey"]
CONTEXT["orchestration"]["not_preceded_by"] = ["organizational", "Journey"]

# "oncology" is mostly the employer's therapeutic area ("our first oncology
# IND", "an oncology biotech", "(Prenatal, Oncology, Digital Experiences)").
CONTEXT["cancer biology"]["aliases"] = ["cancer biology", "oncology"]
CONTEXT["cancer biology"]["not_followed_by"] = MODIFIED_NOUNS + ["IND", "biotech", "precision", "clinical team",
                                                                  "Data Science", "medicines", "drugs"]
CONTEXT["cancer biology"]["not_preceded_by"] = ["including", "an", "first", "approved"]

# "on-call" (removed as an alias of alerting) is a work arrangement; "M&S" is
# modeling and simulation only beside modelling words.
CONTEXT["modeling and simulation"] = ctx(["M&S"], near=["modeling", "modelling", "simulation", "DoD", "DoDAF",
                                                        "analysis", "wargaming", "SysML"], window=120)
# Equal-opportunity boilerplate ("disability, genetics, veteran status") lists
# protected characteristics, not skills.
EEO_T = ["disability", "veteran", "religion", "national origin", "sexual orientation", "marital status",
         "gender identity", "pregnancy", "protected", "race", "color", "ancestry"]
CONTEXT["genetics"]["not_near_any"] = DEGREE_T + EEO_T

# "an industry that still runs on spreadsheets", "We replace spreadsheets": the
# status quo the product replaces.
CONTEXT["spreadsheets"] = ctx(["spreadsheets"], np=["on", "replace", "replaces", "across"])

# "a modern, cloud-native suite", "a cloud-native EMR", "Cloud Native Solutions": the product.
CONTEXT["cloud-native development"] = ctx(["cloud-native"],
                                          nf=MODIFIED_NOUNS + ["suite", "EMR", "SaaS", "microservices"])

# "a drug discovery company", "the GI Drug Discovery Unit", "AI drug discovery
# models": the employer's business.
CONTEXT["drug discovery"] = ctx(["drug discovery", "Drug Discovery"],
                                nf=["company", "companies", "Unit", "models", "startup", "biotech", "platform"])

# "cell model development", "in vivo model development": biological models.
CONTEXT["model development"] = ctx(["model development"], np=["cell", "vivo", "animal", "disease", "mouse"])

# "self-driving network solution", "the next generation of autonomous vehicles",
# "a self-driving car space": the employer's product or industry.
CONTEXT["autonomous driving"] = ctx(["self-driving", "autonomous vehicles", "autonomous systems"],
                                    nf=MODIFIED_NOUNS + ["network", "industrial", "performance", "car space"],
                                    np=["of", "made", "deploy"])

# "$126k-$154k CAD | Immigration support": a salary in a post header.
CONTEXT["CAD"]["not_followed_by"] = ["|"]
# Project management as a team or a product's job ("Project Management staff",
# "Our tools automate project management").
CONTEXT["project management"] = ctx(["project management", "Project Management"],
                                    nf=MODIFIED_NOUNS, np=["automate", "automates"])
# "data structures" preceded by a description of the data ("columnar data
# structures", "various data structures and formats") is the shape of data;
# the CS skill sits with algorithms, coding and computer-science fundamentals.
CONTEXT["data structures"] = ctx(["data structures"],
                                 near=["algorithms", "algorithm", "computer science", "CS", "coding", "programming",
                                       "object-oriented", "OOP", "database querying", "data mining", "complexity",
                                       "scripting"], window=80)
# "scientific databases", "source databases", "the hospital's databases": data
# sources named by their owner or content, not a database skill.
CONTEXT["databases"]["not_preceded_by"] += ["scientific", "source", "outside", "various", "’s", "'s", "our", "the"]
# "SQL to query databases", "querying databases": the data store queried, not the skill
# (the dev labels take neither; taxonomy 2026.11.5).
CONTEXT["databases"]["not_preceded_by"] += ["query", "querying", "queries", "queried"]
# "extracting data from existing databases", "loads data into databases", "analyze data from a
# variety of databases": where the data sits, not a database skill (read extra labels: 0 right,
# 7 false; the dev labels have no such mention; taxonomy 2026.11.6).
CONTEXT["databases"]["not_preceded_by"] += ["from", "into", "existing", "variety of"]
# Which databases ("maintain department databases", "into project-specific databases",
# "in-house and external databases", "third-party databases", "cloud-based databases and data
# warehouses", "transactional and analytical databases"): a store of the employer's data, not
# a database skill (twentieth session: dev none; read extra labels 10 false gone, none right;
# "in" was tried: "data warehoused in databases", but "Background in databases" is asked).
CONTEXT["databases"]["not_preceded_by"] += ["department", "departmental", "project-specific", "in-house",
                                            "external", "third-party", "cloud-based", "operational",
                                            "analytics", "analytical", "transactional", "multidimensional",
                                            "dimensional", "pattern"]
# "love to build systems that ...": the verb phrase, not build tooling.
# (2026.11.9: "You'll build systems, track priorities", "· Build systems and datasets using ...":
# the verb too after "'ll", "will" or a bullet point)
CONTEXT["build systems"] = ctx(["build systems"], np=["to", "and", "we", "you", "'ll", "’ll", "will", "·"],
                               nf=["that", "which", "to"])
# Continual learning as a person's ("Self-driven for continual learning and ongoing training", "an
# attitude of creativity, and continual learning"): the method comes with models (2026.11.9).
CONTEXT["continual learning"] = ctx(
    ["continual learning"], near=["model", "models", "ML", "machine learning", "deep learning", "neural",
                                  "network", "networks", "LLM", "LLMs", "evals", "fine-tuning", "agents",
                                  "reinforcement learning", "transfer learning", "meta-learning",
                                  "online learning", "representation learning"], window=100)
# KDD the conference ("conferences such as NeurIPS, ICML, ICLR, KDD, CVPR"), not data mining
# (2026.11.9).
CONTEXT["data mining"] = ctx(["KDD"], not_near=["NeurIPS", "NIPS", "ICML", "ICLR", "CVPR", "ACL", "conference",
                                                "conferences", "venues", "publications"], window=80)
# "laboratory control systems", "source code control systems", "document control systems":
# not control theory (2026.11.9).
CONTEXT["control theory"] = ctx(["control systems"], np=["laboratory", "code", "document", "source", "access"])
# Drones as the employer's product ("stopping group 1 drones", "Humanoids, drones,
# industrial arms"); as a skill they come with flight software.
CONTEXT["drones"] = ctx(["drones", "UAV", "UAVs"],
                        near=["PX4", "ArduPilot", "autopilot", "flight control", "flight controls", "MAVLink", "UAS",
                              "avionics", "aerial imagery", "photogrammetry", "remote sensing"], window=100)
# The employer's industry ("AI for electronic systems and semiconductors",
# "support its semiconductor manufacturing operations").
CONTEXT["semiconductors"] = ctx(["semiconductors", "semiconductor manufacturing"],
                                nf=MODIFIED_NOUNS + ["process", "processes", "operations"],
                                np=["for", "of", "monitoring", "its", "our"])
# "Senior Software Engineer (Embedded)" is a title; "embedded legal expertise" is not a system.
CONTEXT["embedded systems"]["not_followed_by"] += [")", "legal"]
CONTEXT["embedded systems"]["not_preceded_by"] = ["("]
# "Microsoft's ChatGPT", "buyers ask ChatGPT": the product as a market actor.
CONTEXT["ChatGPT"] = ctx(["ChatGPT"], np=["’s", "'s", "ask", "asks"])
# A company pitch names what the employer builds or sells ("Cogram builds AI
# agents for architects", "E2B is building infrastructure for AI agents", "our
# mission is to make agentic AI safe", "at the intersection of agentic AI and
# healthcare"); the hire's ask is phrased with "experience", "you will" etc.
PITCH_NP = ["builds", "is building", "are building", "we build", "we're building", "we’re building",
            "we are building", "is automating", "brings", "powers", "infrastructure for", "intersection of",
            "to make", "backgrounds across"]
CONTEXT["AI agents"] = ctx(["AI agents", "AI agent", "agentic AI", "autonomous agents"], np=PITCH_NP,
                           nf=MODIFIED_NOUNS)
# "LLM-powered platform", "LLM-native UIs", "Stanford LLM researchers", "the
# pre-LLM days", "our approach differs from LLMs": descriptions, not asks.
CONTEXT["large language models"] = ctx(
    ["LLM", "LLMs", "large language model", "foundation model", "foundation models"],
    nf=["-powered", "-driven", "-native", "researchers", "answers", "labs", "Platform Engineer"],
    np=PITCH_NP + ["pre-", "differs from", "behind the"])
# Role titles and team lists ("Software Engineers / DevOps | Remote", "devops
# eng, platform eng", "No QA team, no DevOps", "UI/UX Designers", "Head of
# Product Design (UI/UX)") name a job, not a skill.
CONTEXT["DevOps"] = ctx(["DevOps"], nf=["|", "eng", "engineer", "engineers", "Server", "purists"],
                        np=["no", "jobs/"])
CONTEXT["UI/UX design"] = ctx(["UI/UX", "UX/UI"], nf=["Designer", "Designers", ")", "-focused", "DESIGN OPPORTUNITIES"],
                              np=["("])
# "increasing data accessibility", "Accessibility/Accommodation:" (how to ask for
# an accommodation), "View our accessibility info", a genome's "chromatin accessibility"
# (a computational biologist's resume): not web accessibility.
CONTEXT["accessibility"] = ctx(["accessibility"], np=["data", "our", "chromatin"],
                               nf=["/Accommodation", "info"])
# "engineering, finance, business intelligence. Advanced degrees are preferred",
# "BS in a technical field (BI, Analytics, ...)": a degree subject.
CONTEXT["business intelligence"] = ctx(["business intelligence", "BI"], not_near=DEGREE_T, window=60)
# The company heading its own HN post ("Modal | Software Engineers | ...").
CONTEXT["Modal"]["not_followed_by"] = COMPANY_MENTION_NF
# "ITAR Requirement: this position requires ...", "stay ITAR-compliant": an
# eligibility or compliance condition, not a skill.
CONTEXT["ITAR"] = ctx(["ITAR"], nf=["-compliant", "compliant", "Requirement", "Requirements"])
# The employer's business ("the market research industry", "we pioneered agile
# market research"; "regulatory guardrails" of a lending product).
CONTEXT["market research"] = ctx(["market research"], nf=MODIFIED_NOUNS, np=["pioneered", "agile", "proprietary"])
CONTEXT["guardrails"] = ctx(["guardrails"], np=["regulatory", "enforce"])
# --- 2026.11.3: wrong senses and page boilerplate on unseen postings.
# Short product names that are also English words or names match only beside
# their stack ("Drizzle with Neon", "Rails 8, Hotwire (Turbo + Stimulus)",
# "Elixir / Phoenix", "Parquet/Arrow", "Kafka and MQ").
RAILS_T = ["Rails", "Ruby on Rails", "Ruby", "Hotwire", "Turbo", "Stimulus", "StimulusJS", "Rails 7", "Rails 8",
           "Propshaft", "Importmap", "ERB"]
CONTEXT["Stimulus"] = ctx(["Stimulus"], near=RAILS_T, window=80)
CONTEXT["Turbo"] = ctx(["Turbo"], near=RAILS_T, window=80)
CONTEXT["Drizzle ORM"] = ctx(["Drizzle"], near=["ORM", "Prisma", "TypeORM", "TypeScript", "Typescript", "Postgres",
                                                "PostgreSQL", "Neon", "SQLite", "MySQL", "Planetscale", "Next.js",
                                                "Node.js", "Bun", "Supabase", "Vercel", "tRPC"], window=100)
CONTEXT["Bun.js"] = ctx(["Bun"], near=JS + ["Deno", "Effect", "Effect-TS", "Drizzle", "Hono", "Vite"], window=80)
CONTEXT["Neon (Postgres)"] = ctx(["Neon"], near=["Postgres", "PostgreSQL", "Drizzle", "Vercel", "Supabase",
                                                 "serverless", "database", "databases", "Prisma", "Planetscale"],
                                 window=80)
CONTEXT["Apache Arrow"] = ctx(["Arrow"], near=["Parquet", "columnar", "pandas", "Polars", "DuckDB", "DataFusion",
                                               "Flight", "ORC", "Avro", "NumPy", "Spark"], window=60)
CONTEXT["Phoenix Framework"] = ctx(["Phoenix"], near=["Elixir", "LiveView", "Ecto", "Erlang", "BEAM", "OTP"],
                                   window=80)
CONTEXT["IBM MQ"] = ctx(["MQ"], near=["Kafka", "RabbitMQ", "ActiveMQ", "JMS", "messaging", "message queue",
                                      "message queues", "queues", "IBM", "middleware", "ESB"], window=80)
# "You need to enable JavaScript to run this app", "JavaScript must be enabled
# in order to use Notion": a scraped careers page, not an ask.
CONTEXT["JavaScript"] = ctx(["JavaScript"], np=["enable", "enabled", "enabling"],
                            nf=["must be enabled", "is disabled", "is required to", "to run this app",
                                "in your browser", "is not enabled"])
# "classification protected by federal, state, or local law" (equal-opportunity
# text), "may be considered for alternative classification", "job classification".
CONTEXT["classification"] = ctx(["classification"], not_near=EEO_T, window=60,
                                np=["alternative", "job", "position", "security", "pay", "salary", "employee",
                                    "employment", "worker"])
# Software regressions: "regression tests", "spot regressions" in commits.
CONTEXT["regression"] = ctx(["regression", "regressions"],
                            nf=["test", "tests", "testing", "suite", "suites", "bug", "bugs", "-free"],
                            np=["spot", "catch", "catching", "prevent", "preventing", "performance", "visual",
                                "no"])
# "visualizing what the final destination looks and feels like": the verb in
# its everyday sense; the skill visualises data, findings or results.
# "visualization tools (e.g., Periscope, D3, Tableau)", "data visualization
# tools, such as Shiny, Tableau or Power BI": the umbrella stands for the tools
# named next, which are the skills.
# (The shorter "visualization" before "tools such as ..." is refused too, or it
# would match in the umbrella's place.)
_TOOLS = [f"{head}{sep} {cue}" for head in ("tools", "software") for sep in ("", ",")
          for cue in ("such as", "like", "including", "e.g.", "e.g", "eg.", "i.e.")]
CONTEXT["data visualization"] = ctx(["visualizing", "visualization tools", "data visualization tools",
                                     "visualization software", "visualization", "data visualization"],
                                    nf=EXAMPLES_FOLLOW + _TOOLS + [", such as", ", like", ", including", ", e.g.",
                                                                   "tools (", "software (", "tools:", "what", "how",
                                                                   "where", "success", "the future", "yourself"])
# A product named in a list of the employer's customers, partners or backers
# ("customers such as Cloudflare, T-Mobile", "AI companies such as Cursor,
# Notion", "trusted by teams at Cloudflare, Vercel, Pydantic", "Redis fork
# Ventures", "partners with NVIDIA, IBM, AWS") is a
# company, not a tool the hire uses.
COMPANY_MENTION_NEAR += ["companies such as", "customers such as", "customers including", "customers, including",
                         "clients include", "clients such as", "teams at", "in production with", "amazing companies",
                         "partners like", "partners such as", "partnerships with", "partnership with",
                         "partners with", "partnering with", "partnering closely with", "Ventures"]
for _name in ["Stripe", "Cloudflare", "OpenAI API", "Anthropic API", "Vercel", "Twilio", "Datadog", "Databricks",
              "Snowflake", "MongoDB", "Supabase", "Figma", "Shopify", "Salesforce", "HubSpot", "Hugging Face",
              "Confluent", "Neo4j", "Fivetran", "PostHog", "Sentry", "ClickHouse", "CircleCI", "PayPal"]:
    CONTEXT[_name]["not_near_any"] = COMPANY_MENTION_NEAR
# Smaller vendors: the same three conditions as above.
for _name, _forms in {
    "DigitalOcean": ["DigitalOcean", "Digital Ocean"], "Replit": ["Replit"], "Groq": ["Groq"],
    "CoreWeave": ["CoreWeave"], "Monday.com": ["Monday.com"], "Alibaba Cloud": ["Alibaba Cloud"],
    "Pydantic": ["Pydantic"], "Ruff": ["Ruff"], "SendGrid": ["SendGrid"], "Guidewire": ["Guidewire"],
    "Hightouch": ["Hightouch"],
}.items():
    assert _name not in CONTEXT, _name
    CONTEXT[_name] = ctx(_forms, not_near=COMPANY_MENTION_NEAR, window=80, np=COMPANY_MENTION_NP,
                         nf=COMPANY_MENTION_NF)
# Big platforms are often asked as "AWS is a plus" or listed with pipes
# ("Python | AWS | Docker"), and sit next to "used by" / "founders" in
# boilerplate ("The Briq platform is used by ...", "Connect directly with
# founders"), so for them only the enumeration cues, in a narrower window, and
# "ex-" apply.
BIG_MENTION_NEAR = ["companies such as", "customers such as", "customers including", "customers, including",
                    "customers include", "clients include", "clients such as", "companies like", "customers like",
                    "clients like", "teams at", "in production with", "amazing companies", "partners like",
                    "partners such as", "partnerships with", "partnership with", "partners with", "partnering with",
                    "trusted by", "Ventures", "investors", "angels"]
for _name, _forms in {
    "AWS": ["AWS", "Amazon Web Services"], "Microsoft Azure": ["Azure"],
    "Google Cloud Platform": ["GCP", "Google Cloud", "Google Cloud Platform"], "Oracle Database": ["Oracle"],
    "Docker": ["Docker"], "Redis": ["Redis"], "SAP": ["SAP"],
}.items():
    assert _name not in CONTEXT, _name
    CONTEXT[_name] = ctx(_forms, not_near=BIG_MENTION_NEAR, window=60,
                         np=["ex-", "ex", "founders of", "founder of", "CEO of", "alumni of"])
# Products that already need their context keep it and get the mention cues too.
for _name in ["Cursor", "Notion", "Mistral", "uv", "Temporal"]:
    CONTEXT[_name]["not_near_any"] = CONTEXT[_name].get("not_near_any", []) + COMPANY_MENTION_NEAR
    CONTEXT[_name].setdefault("window", 80)

# Everyday senses of method and product names: "Pull Requests", "payments
# rails", "bootstrapping a startup", "Please review our CCPA Policy" (a legal
# notice), "a horizontally scalable compute engine", "hospital information
# systems (ex: EMR, LIS, RIS)" (medical records, above).
CONTEXT["Requests"]["not_preceded_by"] = ["pull", "merge", "feature"]
CONTEXT["Ruby on Rails"]["not_preceded_by"] += ["payments", "payment", "banking", "money"]
CONTEXT["bootstrapping"] = ctx(["bootstrapping"], nf=["a", "an", "our", "my", "the company", "startup", "startups",
                                                      "company", "companies", "business"])
PRIVACY_NOTICE_NF = ["-privacy", "-notice", "-policy", "Policy", "Notice", "Privacy Notice", "Privacy Policy", "Disclosure", "Disclosures",
                     "Notice at Collection", "Applicant"]
CONTEXT["CCPA"] = ctx(["CCPA"], nf=PRIVACY_NOTICE_NF, np=["our", "see", "/"])
CONTEXT["GDPR"] = ctx(["GDPR"], nf=PRIVACY_NOTICE_NF, np=["our", "see", "/"])
# The employer's product or audience, not the hire's skill: "an operating
# system for robotics", "Robotics experience not required", "a
# startup building cutting-edge agentic systems", "I'm an engineer on the iOS
# team", "more accurate than iOS and Android", "Android APKs and iOS IPAs",
# "a culture of rapid experimentation".
CONTEXT["AI agents"]["not_preceded_by"] += ["cutting-edge"]
# The design of one kind of system ("model-based control system design", "resilient systems
# design and implementation", "database system design", "ML system design", "distributed
# system design") is no ask of system design, the practice ("strong system design skills",
# "contribute to system design"). Twentieth session: dev 2 false gone; read extra labels 6
# false gone, none right.
CONTEXT["system design"] = ctx(["system design", "systems design"],
                               np=["control", "database", "distributed", "ML", "AI", "resilient", "embedded",
                                   "software/", "hardware", "learning"])
CONTEXT["agentic systems"] = ctx(["agentic systems", "agentic applications"], nf=MODIFIED_NOUNS,
                                 np=PITCH_NP + ["for", "cutting-edge", "science of"])
CONTEXT["robotics"]["not_preceded_by"] = ["for"]
CONTEXT["robotics"]["not_followed_by"] += ["ecosystem", "+ AI", "experience not required",
                                           "experience is not required"]
MOBILE_NF = ["team", "teams", "APKs", "APK", "IPAs", "IPA", "downloads"]
CONTEXT["iOS"] = ctx(["iOS"], nf=MOBILE_NF, np=["than"])
CONTEXT["Android"] = ctx(["Android"], nf=MOBILE_NF, np=["than"])
CONTEXT["experimentation"] = ctx(["experimentation"], np=["rapid"])
# "workflow orchestration (Temporal, Airflow, Dagster)" stands for the named
# tools, and "Temporal.io workflow orchestration" repeats the tool before it.
CONTEXT["orchestration"]["aliases"] += ["workflow orchestration", "data orchestration"]
CONTEXT["orchestration"]["not_preceded_by"] += ["Temporal.io", "Temporal", "Airflow", "Dagster", "Prefect",
                                                 "Argo"]
# "strong project management, communication and organizational skills":
# project management listed among soft skills is one of them (LABELS.md
# excludes soft skills); as a skill it comes with methods and tools
# ("Project Management and Business Process modeling", "PMP", "Jira").
SOFT_SKILL_T = ["communication", "communications", "organizational", "organisational", "time management",
                "teamwork", "interpersonal", "decision-making", "problem-solving", "leadership", "prioritization",
                "presentation", "self-motivated", "team collaboration", "coordination", "client relations",
                "planning"]
CONTEXT["project management"]["not_near_any"] = SOFT_SKILL_T
CONTEXT["project management"]["window"] = 50
# "machine learning and predictive analytics": the coordinated modifier
# "learning" ends the skill before it, so it does not make "learning analytics".
CONTEXT["educational data mining"] = ctx(["learning analytics"],
                                         np=["machine", "deep", "statistical", "reinforcement", "supervised",
                                             "unsupervised", "transfer", "federated", "active", "online",
                                             "representation", "self-supervised"])
# Cybersecurity as the employer's market or a post header ("an emerging company
# in the cybersecurity market", "Security Engineer | Cybersecurity | Full-time").
CONTEXT["computer security"]["not_followed_by"] = MODIFIED_NOUNS + ["market", "markets", "|", "of Excellence"]
# Short names that are words elsewhere ("Nix", "BPF").
CONTEXT["Nix"] = ctx(["Nix"], near=["NixOS", "Linux", "Python", "Rust", "TypeScript", "Haskell", "Docker",
                                    "reproducible", "Bazel", "language", "languages", "SQL", "Go", "Terraform"],
                     window=80)
CONTEXT["eBPF"] = ctx(["BPF"], near=["Linux", "kernel", "eBPF", "XDP", "networking", "tracing", "Rust", "C"],
                      window=80)
# The company as the subject of its own description ("Cloudflare is building
# across the entire AI stack"), a competitor ("take on the likes of Adobe,
# Figma, Blender"), or a tool the team does without ("No Jira. No PMs.",
# "No mockups, no Figma").
COMPANY_MENTION_NF += ["is building", "builds", "is hiring", "is looking"]
COMPANY_MENTION_NEAR += ["the likes of"]
COMPANY_MENTION_NP += ["io/", "com/", "co/", "ai/"]  # job-board URLs: greenhouse.io/cloudflare/jobs
for _name in ["Stripe", "Cloudflare", "OpenAI API", "Anthropic API", "Vercel", "Twilio", "Datadog", "Databricks",
              "Snowflake", "MongoDB", "Supabase", "Figma", "Shopify", "Salesforce", "HubSpot", "Hugging Face",
              "Confluent", "Neo4j", "Fivetran", "PostHog", "Sentry", "ClickHouse", "CircleCI", "PayPal"]:
    CONTEXT[_name]["not_followed_by"] = COMPANY_MENTION_NF
    CONTEXT[_name]["not_preceded_by"] = COMPANY_MENTION_NP
CONTEXT["Figma"]["not_preceded_by"] = COMPANY_MENTION_NP + ["no"]
CONTEXT["Jira"] = ctx(["Jira"], np=["no"])
# "ac.type = 'text/javascript'": page script, not an ask.
CONTEXT["JavaScript"]["not_preceded_by"] += ["text/"]
# Named products that are also words or names, beside their stack: "Epic,
# Cerner" (EHR), "Docker and/or Singularity", "Map Reduce or an MPP system",
# "RDDs and DataFrames", "Hono, Cloudflare Workers".
CONTEXT["Epic (EHR)"] = ctx(["Epic"], near=["EMR", "EMRs", "EHR", "EHRs", "Cerner", "Meditech", "MEDITECH",
                                            "Allscripts", "athenahealth", "HL7", "FHIR", "Clarity", "Caboodle",
                                            "hospital", "clinical", "electronic health records"], window=80)
CONTEXT["Singularity"] = ctx(["Singularity"], near=["Docker", "containers", "container", "HPC", "Slurm",
                                                    "Kubernetes", "Podman", "pipelines", "Nextflow", "Snakemake"],
                             window=80)
CONTEXT["massively parallel processing"] = ctx(["MPP"], near=["Redshift", "Teradata", "Greenplum", "Vertica",
                                                              "Netezza", "Snowflake", "database", "databases", "DB",
                                                              "Map Reduce", "MapReduce", "Hadoop", "SQL", "data"],
                                               window=60)
CONTEXT["RDDs"] = ctx(["RDD", "RDDs"], near=["Spark", "PySpark", "DataFrames", "DataFrame", "Scala", "Datasets",
                                             "distributed"], window=80)
CONTEXT["LINGO"] = ctx(["LINGO"], near=["Python", "R", "optimization", "LINDO", "solver", "solvers", "Gurobi",
                                        "CPLEX", "AMPL", "GAMS"], window=60)
CONTEXT["Hono"] = ctx(["Hono"], near=JS + ["Bun", "Deno", "Cloudflare Workers", "Drizzle", "Expo", "Workers"],
                      window=80)
CONTEXT["Artio"] = ctx(["Artio"], near=["Aeron", "FIX", "Agrona", "trading", "Java", "low-latency"], window=80)
CONTEXT["Esri"] = ctx(["Esri"], near=GEO_T, window=80)
CONTEXT["Spacelift"] = ctx(["Spacelift"], not_near=COMPANY_MENTION_NEAR, window=80, np=COMPANY_MENTION_NP,
                           nf=COMPANY_MENTION_NF)
CONTEXT = {k: v for k, v in CONTEXT.items() if v is not None}

# Gold-label variants that are deliberately NOT canonical names (tested in
# tests/enrich/test_skill_taxonomy.py): see MERGED there.


# ---------------------------------------------------------------------------
# Build and validate.
# ---------------------------------------------------------------------------

_SEP = re.compile(r"[\s\-_]+")


def norm(text: str) -> str:
    """Collision key: case-folded, with spaces, hyphens and underscores removed."""
    return _SEP.sub("", text.casefold())


def dedupe_key(text: str) -> str:
    """Within one skill, forms equal under this key are redundant (case and separator runs only)."""
    return _SEP.sub(" ", text.casefold()).strip()


def parse() -> list[dict]:
    skills: list[dict] = []
    for category, text in _BLOCKS:
        for raw in text.splitlines():
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split(" | ")]
            if any(not p for p in parts):
                raise ValueError(f"empty field in line: {raw!r}")
            name, aliases = parts[0], parts[1:]
            skills.append({"name": name, "category": category, "aliases": aliases})
    return skills


def build() -> dict:
    skills = parse()
    by_name = {s["name"]: s for s in skills}
    if len(by_name) != len(skills):
        seen: set[str] = set()
        dups = [s["name"] for s in skills if s["name"] in seen or seen.add(s["name"])]
        raise ValueError(f"duplicate names: {dups}")
    unknown = [n for n in list(CASE_SENSITIVE) + list(CONTEXT) if n not in by_name]
    if unknown:
        raise ValueError(f"rules for unknown skills: {unknown}")
    out: list[dict] = []
    for s in skills:
        name = s["name"]
        cs = CASE_SENSITIVE.get(name, [])
        # de-duplicate aliases: drop exact repeats and the name itself; keep
        # case variants only when both are case-sensitive forms.
        aliases: list[str] = []
        seen_keys: dict[str, str] = {dedupe_key(name): name}
        for a in s["aliases"]:
            k = dedupe_key(a)
            if a == name or a in aliases:
                continue
            if k in seen_keys and not (a in cs and seen_keys[k] in cs):
                continue
            seen_keys.setdefault(k, a)
            aliases.append(a)
        entry: dict[str, object] = {"name": name, "category": s["category"], "aliases": aliases}
        if cs:
            entry["case_sensitive_aliases"] = cs
        entry["context"] = CONTEXT.get(name)
        out.append(entry)
    out.sort(key=lambda e: (str(e["name"]).casefold(), str(e["name"])))
    data = {
        "version": VERSION,
        "description": (
            "Hand-curated ML/data skill taxonomy for mljobs. Generated by tools/build_skills.py; "
            "edit the lists there, not this file."
        ),
        "categories": CATEGORIES,
        "context_schema": CONTEXT_SCHEMA,
        "skills": out,
    }
    problems = validate(data)
    if problems:
        raise ValueError("invalid taxonomy:\n  " + "\n  ".join(problems))
    return data


RULE_KEYS = {"aliases", "near_any", "not_near_any", "window", "not_followed_by", "not_preceded_by"}


def validate(data: dict) -> list[str]:
    """Integrity checks shared with the test-suite (kept dependency-free)."""
    problems: list[str] = []
    cats = data["categories"]
    owner: dict[str, str] = {}
    for s in data["skills"]:
        name = s["name"]
        if s["category"] not in cats:
            problems.append(f"{name}: unknown category {s['category']!r}")
        forms = [name] + list(s["aliases"])
        for form in forms:
            if form != form.strip() or not form:
                problems.append(f"{name}: bad surface form {form!r}")
            key = norm(form)
            if key in owner and owner[key] != name:
                problems.append(f"collision: {form!r} in {name!r} and {owner[key]!r}")
            owner.setdefault(key, name)
        for form in s.get("case_sensitive_aliases", []):
            if form not in forms:
                problems.append(f"{name}: case-sensitive form {form!r} is not a surface form")
        rule = s.get("context")
        if rule is not None:
            if not isinstance(rule, dict) or set(rule) - RULE_KEYS or not rule.get("aliases"):
                problems.append(f"{name}: malformed context {rule!r}")
                continue
            folded = {f.casefold() for f in forms}
            for form in rule["aliases"]:
                if form.casefold() not in folded:
                    problems.append(f"{name}: context governs unknown form {form!r}")
            if not (set(rule) - {"aliases", "window"}):
                problems.append(f"{name}: context has no condition")
            if "window" in rule and (not isinstance(rule["window"], int) or rule["window"] <= 0):
                problems.append(f"{name}: bad window")
            for key in ("near_any", "not_near_any", "not_followed_by", "not_preceded_by"):
                if key in rule and (not isinstance(rule[key], list) or not rule[key]
                                    or not all(isinstance(t, str) and t for t in rule[key])):
                    problems.append(f"{name}: bad {key}")
    return problems


def render(data: dict) -> str:
    """JSON with one skill per line, so reviews and diffs stay readable."""
    head = {k: v for k, v in data.items() if k != "skills"}
    text = json.dumps(head, ensure_ascii=False, indent=2)
    lines = [json.dumps(s, ensure_ascii=False) for s in data["skills"]]
    return text[:-2] + ',\n  "skills": [\n    ' + ",\n    ".join(lines) + "\n  ]\n}\n"


def main(argv: list[str]) -> int:
    data = build()
    text = render(data)
    json.loads(text)  # sanity
    if "--check" in argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is stale; run tools/build_skills.py", file=sys.stderr)
            return 1
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    counts: dict[str, int] = {}
    for s in data["skills"]:
        counts[s["category"]] = counts.get(s["category"], 0) + 1
    print(f"wrote {OUT} with {len(data['skills'])} skills")
    for cat in CATEGORIES:
        print(f"  {cat:14s} {counts.get(cat, 0)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
